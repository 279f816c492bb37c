/** The app's own address (origin and path, no query): the base of permalinks and embed links. */
export function appBase(): string {
  return `${window.location.origin}${window.location.pathname}`;
}
