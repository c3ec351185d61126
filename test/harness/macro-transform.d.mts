/** Types of macro-transform.mjs (plain JavaScript, so Node's module hooks can load it as is). */

/** renderer/src/ with a trailing separator. */
export declare const RENDERER_SOURCE: string;

/** Whether a file is renderer code with Lingui macros. */
export declare function needsMacro(filename: string, source: string): boolean;

/** TypeScript/TSX source with macros → ES module JavaScript with an inline source map. */
export declare function compileMacros(source: string, filename: string): string;
