/**
 * Words of a customer's text for topic rules and the classifier: lower case, accents stripped
 * ("Sąskaita" → "saskaita", "számla" → "szamla"), split on anything that is not a letter or digit.
 * Customers often type without diacritics, so both spellings must meet.
 */

/** Lower case without diacritics; `ł` has no decomposition, so it is mapped by hand. */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l');
}

/**
 * @example tokenise('Neveikia apmokėjimas!') // → ['neveikia', 'apmokejimas']
 */
export function tokenise(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}
