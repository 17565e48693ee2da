/** Messages for text that is meant as JSON but does not parse. */

/**
 * Why `text` is not JSON, with the line when it can be told: NaN and Infinity (which Python's
 * json.dump writes for a weight that is not finite) are named as such. Null when it parses.
 */
export function jsonSyntaxError(text: string): { message: string; line?: number } | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const lineOf = (index: number): number => text.slice(0, index).split("\n").length;
    const nonFinite = /[[,:]\s*(-?(?:NaN|Infinity))\b/.exec(text);
    if (nonFinite) {
      const at = nonFinite.index + nonFinite[0].indexOf(nonFinite[1]);
      return {
        message: `not valid JSON: ${nonFinite[1]} is not a JSON number (a weight that is not finite cannot be read).`,
        line: lineOf(at),
      };
    }
    const position = /at position (\d+)/.exec((error as Error).message);
    return {
      message: `not valid JSON (${(error as Error).message}).`,
      ...(position ? { line: lineOf(Number(position[1])) } : {}),
    };
  }
}
