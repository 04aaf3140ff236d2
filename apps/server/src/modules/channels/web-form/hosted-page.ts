import { type SupportedLanguage, supportedLanguages } from '@frontline/contracts';

/**
 * The hosted contact form: a plain page on our origin that mounts the same form the widget
 * embeds on customers' sites (`/widget.js`, `data-frontline-form`). The page's own texts are
 * here; the form's texts come with the widget.
 */
const pageTexts: Record<SupportedLanguage, { title: string; intro: string; noScript: string }> = {
  en: {
    title: 'Contact us',
    intro:
      'Write to us and we will answer by email. You will see your reference number and when to expect our answer.',
    noScript: 'This form needs JavaScript. You can also write to us by email.',
  },
  lt: {
    title: 'Susisiekite su mumis',
    intro: 'Parašykite mums ir atsakysime el. paštu. Pamatysite užklausos numerį ir kada tikėtis atsakymo.',
    noScript: 'Šiai formai reikia „JavaScript“. Taip pat galite parašyti mums el. paštu.',
  },
  sk: {
    title: 'Kontaktujte nás',
    intro: 'Napíšte nám a odpovieme e-mailom. Uvidíte číslo požiadavky a kedy môžete čakať odpoveď.',
    noScript: 'Tento formulár potrebuje JavaScript. Môžete nám napísať aj e-mailom.',
  },
  pl: {
    title: 'Skontaktuj się z nami',
    intro:
      'Napisz do nas, a odpowiemy e-mailem. Zobaczysz numer zgłoszenia i kiedy spodziewać się odpowiedzi.',
    noScript: 'Ten formularz wymaga JavaScriptu. Możesz też napisać do nas e-mailem.',
  },
  hu: {
    title: 'Írjon nekünk',
    intro:
      'Írjon nekünk, és e-mailben válaszolunk. Látni fogja az ügy azonosítóját és azt, mikorra várhatja a választ.',
    noScript: 'Ehhez az űrlaphoz JavaScript szükséges. E-mailben is írhat nekünk.',
  },
};

/** The visitor's language: `?lang=` if we ship it, else the first shipped one in Accept-Language. */
export function chooseLanguage(
  requested: string | undefined,
  acceptLanguage: string | undefined,
): SupportedLanguage {
  const isSupported = (code: string): code is SupportedLanguage =>
    (supportedLanguages as readonly string[]).includes(code);
  if (requested && isSupported(requested)) return requested;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = Number(
        parameters.find((parameter) => parameter.trim().startsWith('q='))?.split('=')[1] ?? 1,
      );
      return { code: tag.slice(0, 2).toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((preference) => preference.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return preferences.map((preference) => preference.code).find(isSupported) ?? 'en';
}

export function renderHostedFormPage(language: SupportedLanguage): string {
  const text = pageTexts[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1f2328; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; }
  h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
  p { line-height: 1.5; }
</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.intro}</p>
<div data-frontline-form data-lang="${language}"></div>
<noscript><p>${text.noScript}</p></noscript>
</main>
<script src="/widget.js" data-chat="off" async></script>
</body>
</html>
`;
}
