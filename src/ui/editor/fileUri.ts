/** The URI of a project file's model. */
export const fileUri = (projectId: string, path: string) =>
  `file:///${projectId}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** The project and path a model URI of fileUri names. */
export function parseFileUri(uri: string): { projectId: string; path: string } {
  const [projectId, ...parts] = uri.slice('file:///'.length).split('/');
  return { projectId, path: parts.map(decodeURIComponent).join('/') };
}
