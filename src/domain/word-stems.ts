/**
 * Whether two words are forms of one stem: "allocation" and "allocator", "reserve" and
 * "reservations", "alloc" and "allocator". People and flag keys write a service's product word
 * in another form than its name does; an exact part match misses them. The shared start must be
 * at least five letters and most of the shorter word, so "invoice" is not "inventory" and
 * "failing" is not "failover". Pure.
 */

const minStem = 5
const minShare = 0.7

const commonPrefix = (a: string, b: string): number => {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

/** Whether `a` and `b` (single words, any case) share a stem (see the module header). */
export const sharesStem = (a: string, b: string): boolean => {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (!/^[a-z]+$/.test(x) || !/^[a-z]+$/.test(y)) return false
  const shared = commonPrefix(x, y)
  return shared >= minStem && shared >= minShare * Math.min(x.length, y.length)
}

/** The words of a name (`inventory-allocator` → inventory, allocator), lower-case. */
export const nameWords = (name: string): ReadonlyArray<string> =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
