// First translations of the words outside the window (renderer/src/outside-messages.ts),
// written with the terms GNOME, polkit and systemd use in each language. They go into the
// catalogs once, through merge-outside-translations.ts; from then on the PO files are
// where translators change them, and this table only seeds entries that are still empty.
import type { OutsideKey } from './outside-catalog';

export interface SeedTranslation {
  /** The English text it translates: a seed for an older English is not used. */
  readonly english: string;
  readonly de: string;
  readonly fr: string;
  readonly es: string;
}

const seed = (english: string, de: string, fr: string, es: string): SeedTranslation => ({
  english,
  de,
  fr,
  es,
});

export const OUTSIDE_TRANSLATIONS: Readonly<Record<OutsideKey, SeedTranslation>> = {
  'polkit.apply.description': seed(
    'Change whether services may bind to addresses this computer does not hold',
    'Ändern, ob Dienste an Adressen binden dürfen, die dieser Computer nicht besitzt',
    'Choisir si des services peuvent se lier à des adresses que cet ordinateur ne détient pas',
    'Cambiar si los servicios pueden vincularse a direcciones que este equipo no tiene',
  ),
  'polkit.apply.message': seed(
    'Authentication is required to change whether services may bind to addresses this computer does not hold',
    'Legitimierung ist erforderlich, um zu ändern, ob Dienste an Adressen binden dürfen, die dieser Computer nicht besitzt',
    'Une authentification est nécessaire pour choisir si des services peuvent se lier à des adresses que cet ordinateur ne détient pas',
    'Se necesita autenticación para cambiar si los servicios pueden vincularse a direcciones que este equipo no tiene',
  ),
  'desktop.name': seed('Nonlocal Bind', 'Nonlocal Bind', 'Nonlocal Bind', 'Nonlocal Bind'),
  'desktop.comment': seed(
    'Shows, changes, persists and proves {ipv4Key} and {ipv6Key}, so HAProxy, Nginx or Keepalived can start on the node that does not hold the virtual IP yet. Explains which sysctl file decides at boot.',
    'Zeigt, ändert, speichert dauerhaft und überprüft {ipv4Key} und {ipv6Key}, damit HAProxy, Nginx oder Keepalived auf dem Knoten starten können, der die virtuelle IP noch nicht hat. Erklärt, welche sysctl-Datei beim Systemstart entscheidet.',
    'Affiche, modifie, rend persistants et vérifie {ipv4Key} et {ipv6Key}, pour que HAProxy, Nginx ou Keepalived puissent démarrer sur le nœud qui ne détient pas encore l’IP virtuelle. Explique quel fichier sysctl décide au démarrage.',
    'Muestra, cambia, hace persistentes y comprueba {ipv4Key} y {ipv6Key}, para que HAProxy, Nginx o Keepalived puedan iniciarse en el nodo que aún no tiene la IP virtual. Explica qué archivo de sysctl decide al arrancar.',
  ),
  'desktop.keywords': seed(
    'sysctl;network;bind;HAProxy;Keepalived;VIP;',
    'sysctl;Netzwerk;binden;HAProxy;Keepalived;VIP;',
    'sysctl;réseau;liaison;HAProxy;Keepalived;VIP;',
    'sysctl;red;vincular;HAProxy;Keepalived;VIP;',
  ),
  'about.copyright': seed(
    'Copyright © 2026 Nonlocal Bind developers · MIT licence',
    'Copyright © 2026 die Entwickler von Nonlocal Bind · MIT-Lizenz',
    'Copyright © 2026 les développeurs de Nonlocal Bind · licence MIT',
    'Copyright © 2026 los desarrolladores de Nonlocal Bind · licencia MIT',
  ),
  'menu.file': seed('File', 'Datei', 'Fichier', 'Archivo'),
  'menu.quit': seed('Quit', 'Beenden', 'Quitter', 'Salir'),
  'menu.edit': seed('Edit', 'Bearbeiten', 'Édition', 'Editar'),
  'menu.undo': seed('Undo', 'Rückgängig', 'Annuler', 'Deshacer'),
  'menu.redo': seed('Redo', 'Wiederholen', 'Rétablir', 'Rehacer'),
  'menu.cut': seed('Cut', 'Ausschneiden', 'Couper', 'Cortar'),
  'menu.copy': seed('Copy', 'Kopieren', 'Copier', 'Copiar'),
  'menu.paste': seed('Paste', 'Einfügen', 'Coller', 'Pegar'),
  'menu.delete': seed('Delete', 'Löschen', 'Supprimer', 'Eliminar'),
  'menu.select-all': seed('Select All', 'Alles auswählen', 'Tout sélectionner', 'Seleccionar todo'),
  'menu.view': seed('View', 'Ansicht', 'Affichage', 'Ver'),
  'menu.reload': seed('Reload', 'Neu laden', 'Recharger', 'Recargar'),
  'menu.force-reload': seed(
    'Force Reload',
    'Neu laden erzwingen',
    'Forcer le rechargement',
    'Forzar recarga',
  ),
  'menu.toggle-dev-tools': seed(
    'Toggle Developer Tools',
    'Entwicklerwerkzeuge ein-/ausblenden',
    'Afficher/masquer les outils de développement',
    'Mostrar/ocultar herramientas de desarrollo',
  ),
  'menu.actual-size': seed('Actual Size', 'Originalgröße', 'Taille réelle', 'Tamaño real'),
  'menu.zoom-in': seed('Zoom In', 'Vergrößern', 'Zoom avant', 'Ampliar'),
  'menu.zoom-out': seed('Zoom Out', 'Verkleinern', 'Zoom arrière', 'Reducir'),
  'menu.toggle-full-screen': seed(
    'Toggle Full Screen',
    'Vollbild ein/aus',
    'Plein écran',
    'Pantalla completa',
  ),
  'menu.window': seed('Window', 'Fenster', 'Fenêtre', 'Ventana'),
  'menu.minimize': seed('Minimize', 'Minimieren', 'Réduire', 'Minimizar'),
  'menu.zoom': seed('Zoom', 'Maximieren', 'Agrandir', 'Maximizar'),
  'menu.close': seed('Close', 'Schließen', 'Fermer', 'Cerrar'),
  'menu.help': seed('Help', 'Hilfe', 'Aide', 'Ayuda'),
  'menu.about': seed('About', 'Info', 'À propos', 'Acerca de'),
};
