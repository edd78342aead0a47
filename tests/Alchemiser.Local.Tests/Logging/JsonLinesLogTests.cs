using System.Globalization;
using System.Text.Json;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;
using Alchemiser.Core.Time;

namespace Alchemiser.Local.Tests.Logging;

/// <summary>The JSON-lines log of ARCHITECTURE.md §8: line shape, scopes, value formatting, thread safety and secret redaction.</summary>
public sealed class JsonLinesLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 19, 30, 5, 123, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset UtcNow { get; } = now;
    }

    private static (JsonLinesLog Log, InMemoryLogSink Sink) NewLog(params string?[] secrets)
    {
        var sink = new InMemoryLogSink();
        return (new JsonLinesLog(sink, secrets, new FixedClock(Now)), sink);
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement.Clone();

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void A_line_is_one_json_object_with_the_standard_keys_first_then_the_fields_in_order()
    {
        var (log, sink) = NewLog();

        log.WithFunction("StrategyWorker").WithCorrelation("run-42").Info("evaluated", ("strategy", "nuclear.clj"), ("decisions", 17));

        var line = Assert.Single(sink.Lines);
        Assert.DoesNotContain('\n', line);
        var json = Parse(line);
        Assert.Equal(["timestamp", "level", "message", "correlation_id", "function", "strategy", "decisions"], Keys(json));
        Assert.Equal("2025-03-14T19:30:05.123Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", json.GetProperty("level").GetString());
        Assert.Equal("evaluated", json.GetProperty("message").GetString());
        Assert.Equal("run-42", json.GetProperty("correlation_id").GetString());
        Assert.Equal("StrategyWorker", json.GetProperty("function").GetString());
        Assert.Equal("nuclear.clj", json.GetProperty("strategy").GetString());
        Assert.Equal(17, json.GetProperty("decisions").GetInt32());
    }

    [Fact]
    public void The_timestamp_is_utc_even_when_the_clock_reports_another_offset()
    {
        var sink = new InMemoryLogSink();
        var log = new JsonLinesLog(sink, clock: new FixedClock(new DateTimeOffset(2025, 3, 14, 15, 30, 0, TimeSpan.FromHours(-4))));

        log.Info("x");

        Assert.Equal("2025-03-14T19:30:00.000Z", Parse(sink.Lines[0]).GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Each_level_is_written_by_name()
    {
        var (log, sink) = NewLog();

        log.Info("a");
        log.Warn("b");
        log.Error("c");
        log.Write(LogLevel.Warn, "d");

        Assert.Equal(["INFO", "WARN", "ERROR", "WARN"], sink.Lines.Select(l => Parse(l).GetProperty("level").GetString()));
    }

    [Fact]
    public void Correlation_and_function_are_null_until_a_scope_sets_them_and_a_scope_leaves_its_parent_unchanged()
    {
        var (log, sink) = NewLog();
        var worker = log.WithFunction("StrategyWorker");
        var run = worker.WithCorrelation("run-1");

        log.Info("root");
        run.Info("scoped");
        worker.Info("function only");

        var lines = sink.Lines.Select(Parse).ToList();
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("correlation_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("function").ValueKind);
        Assert.Equal("run-1", lines[1].GetProperty("correlation_id").GetString());
        Assert.Equal("StrategyWorker", lines[1].GetProperty("function").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("correlation_id").ValueKind);
        Assert.Null(log.CorrelationId);
        Assert.Equal("run-1", run.CorrelationId);
        Assert.Equal("StrategyWorker", run.Function);
    }

    [Fact]
    public void Field_values_keep_their_json_type_and_are_formatted_invariantly_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var (log, sink) = NewLog();

            log.Info(
                "values",
                ("weight", 0.125m),
                ("rsi", 71.5),
                ("count", 3L),
                ("big", ulong.MaxValue),
                ("ok", true),
                ("missing", null),
                ("date", new DateOnly(2025, 1, 6)),
                ("at", new DateTimeOffset(2025, 1, 6, 20, 30, 0, TimeSpan.Zero)),
                ("elapsed", TimeSpan.FromSeconds(90.5)),
                ("category", ErrorCategory.Trading),
                ("symbols", new[] { "SPY", "TQQQ" }),
                ("weights", new Dictionary<string, decimal> { ["SPY"] = 0.6m, ["BIL"] = 0.4m }),
                ("nan", double.NaN),
                ("payload", JsonDocument.Parse("{\"a\":[1,2]}").RootElement));

            var json = Parse(sink.Lines[0]);
            Assert.Equal(0.125m, json.GetProperty("weight").GetDecimal());
            Assert.Contains("\"rsi\":71.5", sink.Lines[0], StringComparison.Ordinal);
            Assert.Equal(3L, json.GetProperty("count").GetInt64());
            Assert.Equal(ulong.MaxValue, json.GetProperty("big").GetUInt64());
            Assert.True(json.GetProperty("ok").GetBoolean());
            Assert.Equal(JsonValueKind.Null, json.GetProperty("missing").ValueKind);
            Assert.Equal("2025-01-06", json.GetProperty("date").GetString());
            Assert.Equal("2025-01-06T20:30:00.0000000+00:00", json.GetProperty("at").GetString());
            Assert.Equal("00:01:30.5000000", json.GetProperty("elapsed").GetString());
            Assert.Equal("Trading", json.GetProperty("category").GetString());
            Assert.Equal(["SPY", "TQQQ"], json.GetProperty("symbols").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(0.6m, json.GetProperty("weights").GetProperty("SPY").GetDecimal());
            Assert.Equal("NaN", json.GetProperty("nan").GetString());
            Assert.Equal(2, json.GetProperty("payload").GetProperty("a")[1].GetInt32());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_field_named_like_a_standard_key_does_not_overwrite_it()
    {
        var (log, sink) = NewLog();

        log.WithCorrelation("run-1").Info("m", ("level", "debug"), ("correlation_id", "other"));

        var json = Parse(sink.Lines[0]);
        Assert.Equal("INFO", json.GetProperty("level").GetString());
        Assert.Equal("run-1", json.GetProperty("correlation_id").GetString());
        Assert.Equal("debug", json.GetProperty("field_level").GetString());
        Assert.Equal("other", json.GetProperty("field_correlation_id").GetString());
    }

    [Fact]
    public void A_message_with_line_breaks_and_quotes_stays_on_one_line()
    {
        var (log, sink) = NewLog();

        log.Error("first\nsecond \"quoted\"\r\n");

        var line = Assert.Single(sink.Lines);
        Assert.Equal("first\nsecond \"quoted\"\r\n", Parse(line).GetProperty("message").GetString());
    }

    [Fact]
    public void An_error_with_an_exception_carries_its_type_message_category_hint_and_stack()
    {
        var (log, sink) = NewLog();
        ConfigurationException thrown;
        try
        {
            throw new ConfigurationException("strategies.dev.json: weights sum to 0.9", "Make the weights sum to 1.");
        }
        catch (ConfigurationException ex)
        {
            thrown = ex;
        }

        log.Error(thrown, "run failed", ("stage", "dev"));

        var json = Parse(sink.Lines[0]);
        Assert.Equal("ERROR", json.GetProperty("level").GetString());
        Assert.Equal("dev", json.GetProperty("stage").GetString());
        Assert.Equal(typeof(ConfigurationException).FullName, json.GetProperty("error_type").GetString());
        Assert.Equal("strategies.dev.json: weights sum to 0.9", json.GetProperty("error").GetString());
        Assert.Equal("Configuration", json.GetProperty("error_category").GetString());
        Assert.Equal("Make the weights sum to 1.", json.GetProperty("remediation_hint").GetString());
        Assert.Contains(nameof(An_error_with_an_exception_carries_its_type_message_category_hint_and_stack), json.GetProperty("exception").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_secret_never_reaches_the_output_wherever_it_appears()
    {
        const string apiKey = "PKTEST1234567890ABCD";
        const string apiSecret = "s3cr3t/with+special\"chars";
        const string numericSecret = "424242";
        var (log, sink) = NewLog(apiKey, apiSecret, numericSecret);
        var run = log.WithCorrelation("corr-" + apiKey).WithFunction("Execution");

        run.Info($"calling Alpaca with APCA-API-KEY-ID: {apiKey}", ("headers", new Dictionary<string, string> { ["APCA-API-SECRET-KEY"] = apiSecret, [apiKey] = "as key" }));
        run.Warn("retry", ("attempt", 424242), ("url", $"https://paper-api.alpaca.markets/v2/orders?key={apiKey}&x=1"), ("list", new object[] { "a", apiSecret, new[] { apiKey } }));
        run.Error(new InvalidOperationException("401 for key " + apiKey), "order rejected", ("body", JsonDocument.Parse($"{{\"key\":\"{apiKey}\"}}").RootElement));
        run.Info("numbers", ("n", 424242L), ("d", 424242.5m), ("Bearer " + apiKey, 1));

        var text = sink.Text;
        Assert.Equal(4, sink.Lines.Count);
        Assert.DoesNotContain(apiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(apiSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(numericSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonEncodedText.Encode(apiSecret).ToString(), text, StringComparison.Ordinal);
        Assert.All(sink.Lines, line => Parse(line));
        var first = Parse(sink.Lines[0]);
        Assert.Equal("calling Alpaca with APCA-API-KEY-ID: ***", first.GetProperty("message").GetString());
        Assert.Equal("corr-***", first.GetProperty("correlation_id").GetString());
        Assert.Equal("***", first.GetProperty("headers").GetProperty("APCA-API-SECRET-KEY").GetString());
        Assert.Equal("***", Parse(sink.Lines[1]).GetProperty("attempt").GetString());
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var (log, sink) = NewLog("abc", "abcdef");

        log.Info("token abcdef and abc");

        Assert.Equal("token *** and ***", Parse(sink.Lines[0]).GetProperty("message").GetString());
    }

    [Fact]
    public void Unset_secrets_mask_nothing()
    {
        var (log, sink) = NewLog(null, "", "   ");

        log.Info("nothing secret here", ("k", "v"));

        var json = Parse(sink.Lines[0]);
        Assert.Equal("nothing secret here", json.GetProperty("message").GetString());
        Assert.Equal("v", json.GetProperty("k").GetString());
    }

    [Fact]
    public async Task Lines_written_from_many_threads_stay_whole_and_none_is_lost()
    {
        const int threads = 8;
        const int perThread = 400;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var log = new JsonLinesLog(new TextWriterLogSink(output), ["hunter2"]);

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var scoped = log.WithCorrelation("run-" + t.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < perThread; i++)
            {
                scoped.Info("line hunter2", ("i", i), ("padding", new string('x', 200)));
            }
        })));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(threads * perThread, lines.Length);
        var parsed = lines.Select(Parse).ToList();
        Assert.All(parsed, json => Assert.Equal("line ***", json.GetProperty("message").GetString()));
        Assert.Equal(
            Enumerable.Range(0, threads).Select(t => "run-" + t.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            parsed.GroupBy(json => json.GetProperty("correlation_id").GetString()).Where(g => g.Count() == perThread).Select(g => g.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_in_memory_sink_keeps_lines_in_order_until_cleared()
    {
        var (log, sink) = NewLog();

        log.Info("one");
        log.Info("two");
        Assert.Equal(["one", "two"], sink.Lines.Select(l => Parse(l).GetProperty("message").GetString()));
        Assert.EndsWith("\n", sink.Text, StringComparison.Ordinal);

        sink.Clear();
        Assert.Empty(sink.Lines);
    }
}
