using Alchemiser.Dsl.Binding;

namespace Alchemiser.Dsl.Results;

/// <summary>Serializes an <see cref="EvaluationResult"/> exactly as DSL.md §9 prints it.</summary>
public static class EvaluationResultJson
{
    /// <summary>The indented document with its final newline (what <c>alchemiser signal --json</c> prints).</summary>
    public static string Write(EvaluationResult result)
    {
        var w = new JsonWriter(indented: true);
        WriteValue(w, result);
        return w.ToDocument();
    }

    /// <summary>The result on one line, without a newline (what <c>alchemiser signal --jsonl</c> prints per line).</summary>
    public static string WriteLine(EvaluationResult result)
    {
        var w = new JsonWriter(indented: false);
        WriteValue(w, result);
        return w.ToString();
    }

    /// <summary>Writes the result object as a value into <paramref name="w"/>.</summary>
    public static void WriteValue(JsonWriter w, EvaluationResult result)
    {
        w.StartObject();
        w.Name("strategy");
        w.String(result.Strategy);
        w.Name("name");
        w.String(result.Name);
        w.Name("as_of");
        w.String(result.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.Name("settings");
        WriteSettings(w, result.Settings);
        w.Name("weights");
        w.StartObject();
        foreach (var (ticker, weight) in result.Weights)
        {
            w.Name(ticker);
            w.Number(weight);
        }

        w.EndObject();
        w.Name("trace");
        w.StartArray();
        foreach (var entry in result.Trace)
        {
            WriteEntry(w, entry);
        }

        w.EndArray();
        w.EndObject();
    }

    private static void WriteSettings(JsonWriter w, SymphonySettings settings)
    {
        w.StartObject();
        w.Name("asset_class");
        w.String(settings.AssetClass);
        w.Name("rebalance_frequency");
        w.String(settings.RebalanceFrequency);
        w.Name("rebalance_threshold");
        w.Number(settings.RebalanceThreshold);
        w.Name("extra");
        w.StartObject();
        foreach (var (key, value) in settings.Extra)
        {
            w.Name(key);
            w.String(value);
        }

        w.EndObject();
        w.EndObject();
    }

    private static void WriteEntry(JsonWriter w, TraceEntry entry)
    {
        w.StartObject();
        w.Name("type");
        w.String(entry.Type);
        w.Name("at");
        w.String(entry.At);
        switch (entry)
        {
            case IfTrace e:
                w.Name("condition");
                w.String(e.Condition);
                w.Name("left");
                w.Number(e.Left);
                w.Name("right");
                w.Number(e.Right);
                w.Name("result");
                w.Bool(e.Result);
                w.Name("branch");
                w.String(e.Branch);
                w.Name("comparisons");
                w.StartArray();
                foreach (var c in e.Comparisons)
                {
                    w.StartObject();
                    w.Name("expr");
                    w.String(c.Expr);
                    w.Name("left");
                    w.Number(c.Left);
                    w.Name("right");
                    w.Number(c.Right);
                    w.Name("result");
                    w.Bool(c.Result);
                    w.EndObject();
                }

                w.EndArray();
                break;
            case FilterTrace e:
                w.Name("metric");
                w.String(e.Metric);
                w.Name("mode");
                w.String(e.Mode);
                w.Name("order");
                w.String(e.Order);
                w.Name("limit");
                w.Number(e.Limit);
                w.Name("negated");
                w.Bool(e.Negated);
                w.Name("candidates");
                w.StartArray();
                foreach (var c in e.Candidates)
                {
                    w.StartObject();
                    w.Name("name");
                    w.String(c.Name);
                    w.Name("kind");
                    w.String(c.Kind);
                    w.Name("method");
                    w.String(c.Method);
                    w.Name("score");
                    w.Number(c.Score);
                    w.Name("rank");
                    w.Number(c.Rank);
                    w.Name("selected");
                    w.Bool(c.Selected);
                    w.Name("error");
                    w.String(c.Error);
                    w.EndObject();
                }

                w.EndArray();
                break;
            case InverseVolatilityTrace e:
                w.Name("window");
                w.Number(e.Window);
                w.Name("mode");
                w.String(e.Mode);
                w.Name("items");
                w.StartArray();
                foreach (var item in e.Items)
                {
                    w.StartObject();
                    w.Name("name");
                    w.String(item.Name);
                    w.Name("volatility");
                    w.Number(item.Volatility);
                    w.Name("share");
                    w.Number(item.Share);
                    w.Name("error");
                    w.String(item.Error);
                    w.EndObject();
                }

                w.EndArray();
                break;
        }

        w.EndObject();
    }
}
