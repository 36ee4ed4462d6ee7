// Small text helpers of the dashboard.

/** The first letter in upper case: the core's English names are lower case for use mid-sentence
 * ("via e-mail"); at the start of a line or an option they read better capitalised ("E-mail"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
