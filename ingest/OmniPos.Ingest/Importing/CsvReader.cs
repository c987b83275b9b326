using System.IO.Compression;
using System.Text;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold commas, quotes (doubled) or
/// line breaks. A gzip file is recognised by its first bytes and read through. Each record keeps the line it starts on,
/// so a refusal can name it.
/// </summary>
internal static class CsvReader
{
    public static IEnumerable<CsvRow> Read(byte[] file)
    {
        Stream stream = new MemoryStream(file, writable: false);
        if (file is [0x1f, 0x8b, ..])
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var raw = text;
            for (var i = 0; ; i++)
            {
                if (i == text.Length)
                {
                    if (quoted && reader.ReadLine() is { } next)
                    {
                        // A quoted field goes on over the line break.
                        line++;
                        field.Append('\n');
                        raw += "\n" + next;
                        text = next;
                        i = -1;
                        continue;
                    }

                    break;
                }

                var c = text[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return new CsvRow(start, fields, raw);
        }
    }
}
