/**
 * The room URL without a meeting token. The token goes to daily-js `join({url, token})`, never into
 * a URL we build (the server still appends `t` today; daily-js itself hands the token to its
 * prebuilt page).
 */
export function roomUrlWithoutToken(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('t');
  return parsed.toString();
}
