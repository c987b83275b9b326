#!/usr/bin/env node
// Independent workbook reader for the .NET tests: node scripts/read-xlsx.mjs <file.xlsx>
//
// Reads the workbook with SheetJS (xlsx), no Open XML SDK code involved, so a test can check what the exports wrote
// against a second opinion. Prints one JSON document on stdout:
//   { "sheets": [ { "name": "...", "rows": [[v, ...], ...], "formats": [[f, ...], ...] } ] }
// "rows" holds every row of the sheet's used range, top to bottom: a number as a JSON number (a date as its Excel
// serial day number), text as a string, an empty cell as null; "formats" holds each cell's number format ("General"
// when it has none, null when the cell is empty), in the same shape.
import XLSX from 'xlsx';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/read-xlsx.mjs <file.xlsx>');
  process.exit(2);
}

const workbook = XLSX.readFile(file, { cellNF: true, cellDates: false });
const sheets = workbook.SheetNames.map(name => {
  const sheet = workbook.Sheets[name];
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const rows = [];
  const formats = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const values = [];
    const shapes = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      values.push(cell ? cell.v : null);
      shapes.push(cell ? (cell.z ?? 'General') : null);
    }
    rows.push(values);
    formats.push(shapes);
  }
  return { name, rows, formats };
});
process.stdout.write(JSON.stringify({ sheets }));
