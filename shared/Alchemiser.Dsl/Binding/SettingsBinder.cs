using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// The <c>defsymphony</c> settings map (DSL.md §3 rule 7). Values must be literals and <c>nil</c> means absent.
/// <c>:rebalance-frequency</c> is a keyword or string naming none/daily/weekly/monthly/quarterly/yearly (kept
/// without colon); <c>:rebalance-threshold</c> a number in (0, 1]; <c>:asset-class</c> the string <c>EQUITIES</c> or
/// <c>CRYPTO</c>. Any other key goes to <see cref="SymphonySettings.Extra"/> with its canonical rendering, sorted
/// ordinally. Violations are <c>DSL205</c> at the value; a stray symbol or nested <c>defsymphony</c> stays <c>DSL203</c>.
/// </summary>
internal static class SettingsBinder
{
    private static readonly string[] Frequencies = ["none", "daily", "weekly", "monthly", "quarterly", "yearly"];
    private static readonly string[] AssetClasses = ["EQUITIES", "CRYPTO"];

    public static SymphonySettings Bind(MapNode map, BindingErrors errors)
    {
        string? assetClass = null;
        string? frequency = null;
        decimal? threshold = null;
        var extra = new List<KeyValuePair<string, string>>();

        foreach (var (key, value) in map.Entries)
        {
            if (errors.Misplaced(value) is { } misplaced)
            {
                throw misplaced;
            }

            if (value is not (NumberNode or StringNode or KeywordNode or BoolNode or NilNode))
            {
                throw errors.At(
                    value,
                    DslErrorCodes.Settings,
                    "settings value of :" + key.Name + " must be a literal, found " + BindingErrors.Describe(value));
            }

            if (value is NilNode)
            {
                continue;
            }

            switch (key.Name)
            {
                case "rebalance-frequency":
                    var name = value switch
                    {
                        KeywordNode k => k.Name,
                        StringNode s => s.Value,
                        _ => null,
                    };
                    if (name is null || Array.IndexOf(Frequencies, name) < 0)
                    {
                        throw errors.At(
                            value,
                            DslErrorCodes.Settings,
                            ":rebalance-frequency must be one of " + string.Join(", ", Frequencies) + ", got " + CanonicalRenderer.Render(value));
                    }

                    frequency = name;
                    break;

                case "rebalance-threshold":
                    if (value is not NumberNode { Value: > 0m and <= 1m } number)
                    {
                        throw errors.At(
                            value,
                            DslErrorCodes.Settings,
                            ":rebalance-threshold must be a number with 0 < x <= 1, got " + CanonicalRenderer.Render(value));
                    }

                    threshold = number.Value;
                    break;

                case "asset-class":
                    if (value is not StringNode assetClassNode || Array.IndexOf(AssetClasses, assetClassNode.Value) < 0)
                    {
                        throw errors.At(
                            value,
                            DslErrorCodes.Settings,
                            ":asset-class must be \"EQUITIES\" or \"CRYPTO\", got " + CanonicalRenderer.Render(value));
                    }

                    assetClass = assetClassNode.Value;
                    break;

                default:
                    extra.Add(new KeyValuePair<string, string>(key.Name, CanonicalRenderer.Render(value)));
                    break;
            }
        }

        var sorted = extra.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
        return new SymphonySettings(assetClass, frequency, threshold, sorted);
    }
}
