/** Request headers: a `Headers` object, or Node's `req.headers` (lower-case names; arrays for repeated headers). */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The value of one header, case-insensitively; the first one when repeated. */
export function header(headers: HeadersLike | undefined, name: string): string | undefined {
  if (typeof headers?.get === 'function') return (headers.get as (n: string) => string | null)(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const key in headers) {
    if (key.toLowerCase() === lower) {
      const value = (headers as Readonly<Record<string, string | readonly string[] | undefined>>)[key];
      return typeof value === 'string' ? value : value?.[0];
    }
  }
  return undefined;
}
