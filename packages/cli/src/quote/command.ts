/**
 * `mendunia quote`: the landed-cost quote of the checkout's review step, from the command line.
 * Reads the inputs, checks the request against them, and hands the work to core's buildQuote.
 */
import { formatIssues, localise } from '@mendunia/core';
import { buildQuote, countryName, destinationCountries } from '@mendunia/core/checkout/index.js';
import { describe } from '@mendunia/i18n/messages.js';
import { InputError } from '../errors.js';
import type { Io } from '../main.js';
import { readCatalog, readCheckout, readRates } from '../sources.js';
import { quoteToJson } from './json.js';
import { parseQuoteArgs, resolveItems } from './options.js';
import { renderQuote } from './text.js';

export const QUOTE_HELP = `Usage: mendunia quote --catalog <file|url> --rates <file|url> --to <CC> --items <list> [options]

Prints what a buyer in <CC> would pay for the items: shipping options, import duties and taxes
line by line with the rule and source each comes from, and totals in IDR and (approximately) in the destination's currency. The same
quote as the checkout's review step.

Required:
  --catalog <file|url>   the shop's catalog.json
  --rates <file|url>     exchange rates: the rates JSON (docs/currencies-and-rates.md) or the
                         ECB eurofxref XML (recognised by its content)
  --to <CC>              destination, a two-letter country code (DE, SG, US …)
  --items <list>         comma-separated id[:variant][:qty]; qty is a whole number, default 1.
                         With two parts, id:x, x is the quantity when it is all digits and a
                         variant otherwise. Examples: batik-kawung-cap   batik-kawung-cap:2
                         kemeja-batik-lasem:m   kemeja-batik-lasem:m:2   pala-banda:250g:3

Options:
  --checkout <file|url>  shipping and tax settings; default checkout.json beside the catalog
  --region <code>        the buyer's province or state, ISO 3166-2 (CA-ON) or as the address
                         form takes it (ON, Ontario), where import taxes depend on it (Canada's
                         HST); without it such a quote says the range of rates
  --service <id>         shipping service to quote (default: the cheapest available)
  --date <YYYY-MM-DD>    the day whose duty and tax rules apply (default: today, UTC)
  --json                 print the "mendunia.quote/1" JSON (docs/quote-cli.md) instead of text
  --lang <en|id>         language of the text output, the checkout's words for duties,
                         shipping and restrictions included (default en)
  -h, --help             this help

Exit codes: 0 a quote was printed (check its status: ok, blocked, no-service, not-allowed),
2 bad input (options, items, or a file or URL that cannot be read or is invalid), 1 a bug.

Example:
  mendunia quote --catalog examples/plain-html/catalog.json \\
    --rates examples/plain-html/rates/eurofxref-daily.xml --to DE --items batik-parang-tulis:2
`;

/** `mendunia quote` with the arguments after "quote"; resolves with the exit code. */
export async function runQuote(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseQuoteArgs(argv);
  if (parsed.help) {
    io.stdout.write(QUOTE_HELP);
    return 0;
  }
  const options = parsed.options;

  // Read together, reported in a fixed order so the same mistake always gives the same message.
  const [catalogResult, ratesResult, checkoutResult] = await Promise.allSettled([
    readCatalog(options.catalog),
    readRates(options.rates),
    readCheckout(options.checkout, options.catalog),
  ]);
  if (catalogResult.status === 'rejected') throw catalogResult.reason;
  if (ratesResult.status === 'rejected') throw ratesResult.reason;
  if (checkoutResult.status === 'rejected') throw checkoutResult.reason;
  const { catalog, issues, source: catalogSource } = catalogResult.value;
  const rates = ratesResult.value;
  const { config, source: checkoutSource } = checkoutResult.value;

  const errors = issues.filter((issue) => issue.severity !== 'warning');
  if (errors.length > 0) {
    io.stderr.write(`mendunia: warning: ${catalogSource} has ${errors.length} problem(s); the products concerned are left out:\n${formatIssues(errors)}\n`);
  }

  const lines = resolveItems(options.items, catalog, issues, catalogSource);
  const destinations = destinationCountries(config);
  if (!destinations.includes(options.to)) {
    throw new InputError(
      `--to ${options.to}: ${checkoutSource} does not ship to ${countryName(options.to, 'en')}; its destinations are ${destinations.join(', ') || '(none)'}`,
    );
  }
  const services = config.shipping.services.map((s) => s.id);
  if (options.service !== undefined && !services.includes(options.service)) {
    throw new InputError(`--service ${options.service}: no such service in ${checkoutSource} (its services: ${services.join(', ')})`);
  }

  let quote;
  try {
    quote = buildQuote({
      catalog,
      lines,
      destination: options.to,
      ...(options.region && { subdivision: options.region }),
      config,
      rates,
      now: options.now,
      ...(options.service && { serviceId: options.service }),
    });
  } catch (error) {
    // Restriction permits and duty overrides are checked when they are first used.
    if (error instanceof Error && (error.name === 'RestrictionConfigError' || error.name === 'DutyRuleError')) {
      throw new InputError(`${checkoutSource}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  if (options.service !== undefined && quote.service?.serviceId !== options.service) {
    // buildQuote falls back to the cheapest service; a script asking for one must not get another.
    const option = quote.shippingOptions.find((o) => o.serviceId === options.service);
    const why = option && !option.available ? describe(option.message, 'en') : 'not available';
    throw new InputError(`--service ${options.service} cannot take this parcel to ${options.to}: ${why}`);
  }

  const view = quoteToJson({ quote, date: options.date, rates });
  if (options.json) {
    io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    return 0;
  }
  const lang = options.lang;
  io.stdout.write(
    renderQuote(view, {
      lang,
      productName: (productId, variantId) => {
        const product = catalog.products.find((p) => p.id === productId);
        const variant = product?.variants.find((v) => v.id === variantId);
        const name = localise(product?.name, lang);
        return variant ? `${name}, ${localise(variant.name, lang)}` : name;
      },
      serviceName: (serviceId) => {
        const service = config.shipping.services.find((s) => s.id === serviceId);
        if (!service) return serviceId;
        const name = localise(service.name, lang);
        return name.toLowerCase().startsWith(service.carrier.toLowerCase()) ? name : `${service.carrier} ${name}`.trim();
      },
    }),
  );
  return 0;
}
