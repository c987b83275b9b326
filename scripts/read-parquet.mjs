#!/usr/bin/env node
// Independent Parquet reader for the .NET tests: node scripts/read-parquet.mjs <file.parquet>
//
// Reads the whole file with hyparquet (pure JavaScript, zstd/gzip/brotli/lz4 via hyparquet-compressors,
// snappy built in) — no DuckDB code involved, so a test can check what DuckDB wrote against a second opinion.
//
// Prints exactly one JSON document on stdout:
//   { "rows": N, "columns": ["a", "b", ...], "data": [[a0, b0, ...], [a1, b1, ...], ...] }
// "columns" are the top-level column names in file order, "data" holds every row (all row groups) as an
// array in that order, and "rows" is the row count from the file footer (always equal to data.length).
//
// Values (chosen so a C# test can compare them exactly):
//   null                      -> null
//   BOOLEAN                   -> true / false
//   INT8..INT32, UINT8..32    -> JSON number
//   INT64 / UINT64 (BIGINT)   -> JSON number when Number.isSafeInteger (|v| <= 2^53-1), else a decimal string
//   DECIMAL(p,s)              -> exact decimal string with exactly s fraction digits, no exponent:
//                                "12.30", "-0.05", "0.0000", "123" (s = 0); read from the raw unscaled integer
//                                (INT32, INT64 or big-endian two's-complement bytes), never via a float
//   FLOAT / DOUBLE            -> JSON number (shortest round-trip form of the stored double; a FLOAT is
//                                widened to double, e.g. 0.1f -> 0.10000000149011612); NaN, Infinity and
//                                -Infinity, which JSON cannot hold, -> the strings "NaN", "Infinity", "-Infinity"
//   VARCHAR (STRING/UTF8)     -> string; ENUM -> string; JSON -> the parsed JSON value; UUID -> "xxxxxxxx-xxxx-..."
//   BLOB (unannotated bytes)  -> base64 string
//   DATE                      -> "YYYY-MM-DD"
//   TIMESTAMP (any unit, with or without isAdjustedToUTC, i.e. DuckDB TIMESTAMP and TIMESTAMP WITH TIME ZONE)
//                             -> "YYYY-MM-DDTHH:MM:SS.ffffffZ": always exactly 6 fraction digits (microseconds,
//                                zero-padded, even when they are 0) for MILLIS and MICROS columns, exactly 9
//                                (nanoseconds) for NANOS and INT96 columns. The stored instant is printed as UTC;
//                                a TIMESTAMP without time zone prints its wall-clock value with the same "Z".
//                                C#: dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
//   TIME                      -> "HH:MM:SS.ffffff" (9 fraction digits for NANOS)
//   LIST / repeated           -> JSON array (null for a NULL list, elements converted as above)
//   STRUCT                    -> JSON object; MAP -> JSON object (keys as strings)
//
// Errors (no argument, missing file, not a Parquet file, unsupported type): message on stderr, exit code 1.

import { readFile } from 'node:fs/promises'
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

// hyparquet turns DECIMAL into a JavaScript float (unscaled * 10 ** -scale: lossy beyond 2^53 and inexact
// even for "12.30"), turns DATE/TIMESTAMP into Date objects (milliseconds only, and it truncates negative
// microsecond values towards zero), and only looks at converted_type for DECIMAL and DATE. So the
// annotations of those leaf columns are removed from the metadata before reading — hyparquet then hands
// back the raw physical integers — and this script converts them itself from what it recorded here.
const kinds = new Map() // schema element -> { kind, scale?, unit? }

function classify(element) {
  const { type, converted_type: ctype, logical_type: ltype } = element
  if (ctype === 'DECIMAL' || ltype?.type === 'DECIMAL') {
    return { kind: 'decimal', scale: ltype?.type === 'DECIMAL' ? ltype.scale ?? 0 : element.scale ?? 0 }
  }
  if (ctype === 'DATE' || ltype?.type === 'DATE') return { kind: 'date' }
  if (ltype?.type === 'TIMESTAMP') return { kind: 'timestamp', unit: ltype.unit }
  if (ctype === 'TIMESTAMP_MILLIS') return { kind: 'timestamp', unit: 'MILLIS' }
  if (ctype === 'TIMESTAMP_MICROS') return { kind: 'timestamp', unit: 'MICROS' }
  if (ltype?.type === 'TIME') return { kind: 'time', unit: ltype.unit }
  if (ctype === 'TIME_MILLIS') return { kind: 'time', unit: 'MILLIS' }
  if (ctype === 'TIME_MICROS') return { kind: 'time', unit: 'MICROS' }
  if (type === 'BYTE_ARRAY' && (ctype === 'ENUM' || ltype?.type === 'ENUM')) return { kind: 'text' }
  return undefined
}

const pad = (n, width) => String(n).padStart(width, '0')

// Proleptic Gregorian civil date from days since 1970-01-01 (H. Hinnant's algorithm), exact for any integer.
function civilFromDays(days) {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return { y, m, d }
}

function formatDate(days) {
  const { y, m, d } = civilFromDays(Number(days))
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6)
  return `${year}-${pad(m, 2)}-${pad(d, 2)}`
}

const floorDiv = (a, b) => (a % b < 0n ? a / b - 1n : a / b) // BigInt, b > 0
const floorMod = (a, b) => ((a % b) + b) % b

// subsecond ticks per second: 10^6 (printed with 6 digits) or 10^9 (9 digits)
function formatTimeOfDay(ticksOfDay, perSecond, digits) {
  const seconds = ticksOfDay / perSecond
  const fraction = ticksOfDay % perSecond
  return `${pad(seconds / 3600n, 2)}:${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}.${pad(fraction, digits)}`
}

function formatTimestamp(value, unit) {
  let ticks = BigInt(value)
  let perSecond = 1000000n
  let digits = 6
  if (unit === 'MILLIS') ticks *= 1000n
  else if (unit === 'NANOS') { perSecond = 1000000000n; digits = 9 }
  const perDay = 86400n * perSecond
  const days = floorDiv(ticks, perDay)
  return `${formatDate(days)}T${formatTimeOfDay(floorMod(ticks, perDay), perSecond, digits)}Z`
}

function formatTime(value, unit) {
  let ticks = BigInt(value)
  if (unit === 'MILLIS') ticks *= 1000n
  return unit === 'NANOS' ? formatTimeOfDay(ticks, 1000000000n, 9) : formatTimeOfDay(ticks, 1000000n, 6)
}

function unscaledFromBytes(bytes) {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  if (bytes.length && bytes[0] & 0x80) value -= 1n << BigInt(bytes.length * 8)
  return value
}

function formatDecimal(raw, scale) {
  const unscaled = raw instanceof Uint8Array ? unscaledFromBytes(raw) : BigInt(raw)
  const negative = unscaled < 0n
  const digits = (negative ? -unscaled : unscaled).toString()
  if (!scale) return (negative ? '-' : '') + digits
  const padded = digits.padStart(scale + 1, '0')
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`
}

// Anything hyparquet still produces (plain ints, bigints, floats, strings, parsed JSON, bytes) -> JSON-safe value.
function plain(value) {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'bigint':
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString()
    case 'number':
      return Number.isFinite(value) ? value : String(value)
    case 'boolean':
    case 'string':
      return value
  }
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
  if (value instanceof Date) return value.toISOString() // not expected: the parsers below return strings
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value, plain)
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  return String(value)
}

function leaf(value, element) {
  const info = kinds.get(element)
  if (!info) return plain(value)
  switch (info.kind) {
    case 'decimal': return formatDecimal(value, info.scale)
    case 'date': return formatDate(value)
    case 'timestamp': return formatTimestamp(value, info.unit)
    case 'time': return formatTime(value, info.unit)
    case 'text': return new TextDecoder('utf-8', { fatal: true }).decode(value)
  }
  throw new Error(`internal: unknown kind ${info.kind}`)
}

const isList = node => node.element.converted_type === 'LIST' && node.children.length === 1 &&
  node.children[0].element.repetition_type === 'REPEATED' && node.children[0].children.length <= 1
const isMap = node => node.element.converted_type === 'MAP' && node.children.length === 1 &&
  node.children[0].element.repetition_type === 'REPEATED' && node.children[0].children.length === 2

// Converts one value following its schema node, the way hyparquet assembled it.
function toJson(value, node) {
  if (value === null || value === undefined) return null
  if (isList(node)) {
    const repeated = node.children[0]
    const element = repeated.children.length === 1 ? repeated.children[0] : repeated
    return Array.from(value, item => toJson(item, element))
  }
  if (isMap(node)) {
    const valueNode = node.children[0].children[1]
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, valueNode)]))
  }
  // a bare repeated field (legacy 2-level list) comes back as an array of its items
  if (node.element.repetition_type === 'REPEATED' && Array.isArray(value)) {
    return value.map(item => toJson(item, { ...node, element: { ...node.element, repetition_type: 'REQUIRED' } }))
  }
  if (node.children.length) {
    if (node.element.logical_type?.type === 'VARIANT') return plain(value)
    const out = {}
    for (const child of node.children) out[child.element.name] = toJson(value[child.element.name], child)
    return out
  }
  return leaf(value, node.element)
}

// Remaining hyparquet conversions (INT96 timestamps only, since the annotated leaves are stripped) -> strings.
const parsers = {
  timestampFromMilliseconds: v => formatTimestamp(v, 'MILLIS'),
  timestampFromMicroseconds: v => formatTimestamp(v, 'MICROS'),
  timestampFromNanoseconds: v => formatTimestamp(v, 'NANOS'),
  dateFromDays: v => formatDate(v),
}

async function main(args) {
  if (args.length !== 1) throw new Error('usage: node scripts/read-parquet.mjs <file.parquet>')
  const path = args[0]
  let bytes
  try {
    bytes = await readFile(path)
  } catch (e) {
    throw new Error(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`)
  }
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)

  let metadata
  try {
    metadata = parquetMetadata(file, { parsers, geoparquet: false })
  } catch (e) {
    throw new Error(`${path} is not a readable Parquet file: ${e.message}`)
  }
  for (const element of metadata.schema.slice(1)) {
    if (element.num_children) continue
    const info = classify(element)
    if (!info) continue
    kinds.set(element, info)
    if (info.kind !== 'text') { // ENUM keeps its annotation; utf8:false below makes it come back as bytes
      delete element.converted_type
      delete element.logical_type
    }
  }
  const schema = parquetSchema(metadata)
  const columns = schema.children.map(child => child.element.name)

  let rows = []
  if (columns.length) {
    await parquetRead({
      file,
      metadata,
      columns,
      compressors,
      parsers,
      utf8: false, // unannotated BYTE_ARRAY (BLOB, DECIMAL once stripped) stays bytes; STRING/UTF8 are still decoded
      geoparquet: false,
      rowFormat: 'array',
      onComplete: result => { rows = result },
    })
  }
  const expected = Number(metadata.num_rows)
  if (rows.length !== expected) throw new Error(`${path}: read ${rows.length} rows, footer says ${expected}`)

  const data = rows.map(row => schema.children.map((node, i) => toJson(row[i], node)))
  return JSON.stringify({ rows: expected, columns, data })
}

main(process.argv.slice(2)).then(
  json => { process.stdout.write(json + '\n') },
  error => {
    process.stderr.write(`read-parquet: ${error?.message ?? error}\n`)
    process.exitCode = 1
  },
)
