// In the phone page's build, zod's English error messages (about 1.5 KB compressed): the page
// only asks whether a reply or event parses, it never shows zod's wording. A failed parse
// still fails; its issues just carry zod's generic message.
export default function en() {
  return { localeError: () => undefined };
}
