/** The first lines of a file the app creates; also how "only our header remains" is recognised. */
export const FILE_HEADER =
  '# Written by Nonlocal Bind. Lets services such as HAProxy, Nginx or Keepalived\n' +
  '# bind to a virtual IP before this node holds it. See ip_nonlocal_bind in\n' +
  '# the kernel ip-sysctl documentation.\n';
