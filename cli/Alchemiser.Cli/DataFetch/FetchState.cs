using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alchemiser.Cli.DataFetch;

/// <summary>
/// What <c>data fetch</c> remembers beside the price files (<see cref="FileName"/>, which no bar store reads as a
/// price file): per symbol, the dates it last asked Alpaca for and the file's first and last bar then
/// (<see cref="FetchedRange"/>). It is written after the files it describes; an entry whose file has changed since, and
/// an unreadable state, are ignored (the worst that costs is a request per symbol).
/// </summary>
public sealed class FetchState
{
    /// <summary>The state's file name in the price folder (locally) or in <c>bars/daily/</c> (S3).</summary>
    public const string FileName = ".alchemiser-fetch.json";

    private readonly SortedDictionary<string, FetchedRange> _symbols = new(StringComparer.Ordinal);

    /// <summary>The range asked for <paramref name="symbol"/>; null when unknown.</summary>
    public FetchedRange? Get(string symbol) => _symbols.GetValueOrDefault(symbol);

    /// <summary>Notes what was asked for <paramref name="symbol"/> and what its file holds now.</summary>
    public void Record(string symbol, FetchedRange range)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        _symbols[symbol] = range ?? throw new ArgumentNullException(nameof(range));
    }

    /// <summary>Reads the state's JSON; null, empty or unreadable text is an empty state.</summary>
    public static FetchState Parse(string? json)
    {
        var state = new FetchState();
        if (string.IsNullOrWhiteSpace(json))
        {
            return state;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("symbols", out var symbols)
                || symbols.ValueKind != JsonValueKind.Object)
            {
                return state;
            }

            foreach (var entry in symbols.EnumerateObject())
            {
                if (Date(entry.Value, "first_bar") is { } firstBar
                    && Date(entry.Value, "through") is { } through
                    && Date(entry.Value, "last_bar") is { } lastBar)
                {
                    state._symbols[entry.Name] = new FetchedRange(Date(entry.Value, "from"), firstBar, through, lastBar);
                }
            }
        }
        catch (JsonException)
        {
            return new FetchState();
        }

        return state;
    }

    /// <summary>
    /// The state as JSON:
    /// <c>{"symbols":{"SPY":{"from":"2015-07-01","first_bar":"2015-07-01","through":"2025-06-30","last_bar":"2025-06-30"}}}</c>.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("symbols");
            foreach (var (symbol, range) in _symbols)
            {
                writer.WriteStartObject(symbol);
                if (range.From is { } from)
                {
                    writer.WriteString("from", FetchPlanner.Format(from));
                }

                writer.WriteString("first_bar", FetchPlanner.Format(range.FirstBar));
                writer.WriteString("through", FetchPlanner.Format(range.Through));
                writer.WriteString("last_bar", FetchPlanner.Format(range.LastBar));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static DateOnly? Date(JsonElement entry, string name) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
