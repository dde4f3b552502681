// One country's data file of the script tag (see country-data.mjs). No Node imports: core's
// browser tests register the files this writes (packages/core/src/checkout/country-data.test.ts).

/**
 * One country's file. The phone metadata holds the country and the main country of its calling
 * code (libphonenumber-js reads CA's number formats from US, the first country of +1), the
 * country's mobile example, and the list of calling codes (so a number of a country not loaded is
 * recognised as foreign, not refused; see checkPhone), and the duty and restriction rules that
 * apply to the country.
 */
export function countryDataFile(country, { addressFormats, metadata, examples, duties, restrictions }) {
  const file = { country };
  if (addressFormats[country] && country !== 'ZZ') file.address = addressFormats[country];
  // The duty rules that name the country (the EU's one rule, whole, in each EU country's file:
  // the €3 flat duty and IOSS are the Union's), in data/duties.json's own shape.
  const dutyRules = (duties?.rules ?? []).filter((rule) => (rule.countries ?? [rule.country]).includes(country));
  if (dutyRules.length) file.duties = { version: duties.version, updated: duties.updated, rules: dutyRules };
  // Every export rule (leaving Indonesia, to anywhere) and the country's import rules.
  const restrictionRules = (restrictions?.rules ?? []).filter((rule) => rule.destinations === '*' || rule.destinations.includes(country));
  if (restrictionRules.length) file.restrictions = { updated: restrictions.updated, rules: restrictionRules };
  const entry = metadata.countries[country];
  if (entry) {
    const code = entry[0];
    const all = metadata.country_calling_codes[code];
    const countries = [...new Set([all[0], country])];
    file.phone = {
      metadata: {
        version: metadata.version,
        country_calling_codes: { [code]: countries },
        countries: Object.fromEntries(countries.map((c) => [c, metadata.countries[c]])),
      },
      ...(examples[country] ? { examples: { [country]: examples[country] } } : {}),
      callingCodes: Object.keys(metadata.country_calling_codes),
    };
  }
  return file;
}
