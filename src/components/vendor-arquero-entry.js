// arquero (~75 KB gzipped), bundled by `npm run vendor` into src/components/vendor-arquero.js
// (gitignored). Only the pages that wrangle a table with it import it (Reviews: reviewer -> author
// pairs), so the other pages never download it.
export * as aq from "arquero";
