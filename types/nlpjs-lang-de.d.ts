// The German Snowball stemmer of @nlpjs/lang-de (the package ships no types).
declare module '@nlpjs/lang-de/src/stemmer-de.js' {
  export default class StemmerDe {
    /** The stem of one lower-case word. */
    stemWord(word: string): string;
  }
}
