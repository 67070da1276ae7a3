/**
 * Builds the NL extract of the `date-holidays` data: the country entry exactly as upstream, plus the
 * shared names it refers to through `_name`. Pure: the upstream data is a parameter, so the test can
 * compare the committed `nl.json` with what this function makes from the installed package.
 */

export interface UpstreamHolidayData {
  version?: string;
  license?: string;
  holidays: Record<string, unknown>;
  names: Record<string, unknown>;
}

export interface HolidayExtract {
  source: string;
  version: string | undefined;
  license: string | undefined;
  country: string;
  holidays: unknown;
  names: Record<string, unknown>;
}

export function extractCountry(data: UpstreamHolidayData, country: string): HolidayExtract {
  const entry = data.holidays[country];
  if (!entry) throw new Error(`date-holidays has no data for ${country}`);
  const used = new Set<string>();
  JSON.stringify(entry, (key, value: unknown) => {
    if (key === '_name' && typeof value === 'string') used.add(value);
    return value;
  });
  const names: Record<string, unknown> = {};
  for (const name of [...used].sort()) if (name in data.names) names[name] = data.names[name];
  return {
    source: 'date-holidays/data/holidays.json',
    version: data.version,
    license: data.license,
    country,
    holidays: entry,
    names,
  };
}
