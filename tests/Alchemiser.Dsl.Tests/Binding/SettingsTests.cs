using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>The settings map of DSL.md §3 rule 7.</summary>
public sealed class SettingsTests
{
    private static Alchemiser.Dsl.Binding.SymphonySettings Settings(string map) =>
        Bind("(defsymphony \"t\" " + map + " [(asset \"A\")])").Settings;

    private static void AssertSettingsFail(string markedMap, string message) =>
        AssertFailsAtMarker("(defsymphony \"t\" " + markedMap + " [(asset \"A\")])", "DSL205", message);

    [Fact]
    public void Known_keys_are_validated_and_exposed()
    {
        var settings = Settings("{:asset-class \"EQUITIES\" :rebalance-frequency :daily :rebalance-threshold 0.05}");
        Assert.Equal("EQUITIES", settings.AssetClass);
        Assert.Equal("daily", settings.RebalanceFrequency);
        Assert.Equal(0.05m, settings.RebalanceThreshold);
        Assert.Empty(settings.Extra);
    }

    [Fact]
    public void An_empty_map_leaves_every_setting_absent()
    {
        var settings = Settings("{}");
        Assert.Null(settings.AssetClass);
        Assert.Null(settings.RebalanceFrequency);
        Assert.Null(settings.RebalanceThreshold);
        Assert.Empty(settings.Extra);
    }

    [Fact]
    public void Nil_values_mean_absent()
    {
        var settings = Settings("{:asset-class nil :rebalance-frequency nil :rebalance-threshold nil :note nil}");
        Assert.Null(settings.AssetClass);
        Assert.Null(settings.RebalanceFrequency);
        Assert.Null(settings.RebalanceThreshold);
        Assert.Empty(settings.Extra);
    }

    [Theory]
    [InlineData(":none", "none")]
    [InlineData(":daily", "daily")]
    [InlineData(":weekly", "weekly")]
    [InlineData(":monthly", "monthly")]
    [InlineData(":quarterly", "quarterly")]
    [InlineData(":yearly", "yearly")]
    [InlineData("\"weekly\"", "weekly")]
    [InlineData("\"none\"", "none")]
    public void Rebalance_frequency_is_a_keyword_or_string_stored_without_colon(string value, string expected)
    {
        Assert.Equal(expected, Settings("{:rebalance-frequency " + value + "}").RebalanceFrequency);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0.5", 0.5)]
    [InlineData("0.0001", 0.0001)]
    public void Rebalance_threshold_accepts_numbers_above_zero_up_to_one(string value, double expected)
    {
        Assert.Equal((decimal)expected, Settings("{:rebalance-threshold " + value + "}").RebalanceThreshold);
    }

    [Theory]
    [InlineData("EQUITIES")]
    [InlineData("CRYPTO")]
    public void Asset_class_is_equities_or_crypto(string value)
    {
        Assert.Equal(value, Settings("{:asset-class \"" + value + "\"}").AssetClass);
    }

    [Theory]
    [InlineData("{:rebalance-frequency ‸:hourly}", ":rebalance-frequency must be one of none, daily, weekly, monthly, quarterly, yearly, got :hourly")]
    [InlineData("{:rebalance-frequency ‸\"Daily\"}", ":rebalance-frequency must be one of none, daily, weekly, monthly, quarterly, yearly, got \"Daily\"")]
    [InlineData("{:rebalance-frequency ‸1}", ":rebalance-frequency must be one of none, daily, weekly, monthly, quarterly, yearly, got 1")]
    [InlineData("{:rebalance-frequency ‸true}", ":rebalance-frequency must be one of none, daily, weekly, monthly, quarterly, yearly, got true")]
    [InlineData("{:rebalance-threshold ‸0}", ":rebalance-threshold must be a number with 0 < x <= 1, got 0")]
    [InlineData("{:rebalance-threshold ‸-0.1}", ":rebalance-threshold must be a number with 0 < x <= 1, got -0.1")]
    [InlineData("{:rebalance-threshold ‸1.0001}", ":rebalance-threshold must be a number with 0 < x <= 1, got 1.0001")]
    [InlineData("{:rebalance-threshold ‸\"0.5\"}", ":rebalance-threshold must be a number with 0 < x <= 1, got \"0.5\"")]
    [InlineData("{:asset-class ‸\"BONDS\"}", ":asset-class must be \"EQUITIES\" or \"CRYPTO\", got \"BONDS\"")]
    [InlineData("{:asset-class ‸\"equities\"}", ":asset-class must be \"EQUITIES\" or \"CRYPTO\", got \"equities\"")]
    [InlineData("{:asset-class ‸:EQUITIES}", ":asset-class must be \"EQUITIES\" or \"CRYPTO\", got :EQUITIES")]
    [InlineData("{:asset-class \"CRYPTO\" :note ‸[1 2]}", "settings value of :note must be a literal, found a vector")]
    [InlineData("{:note ‸{:a 1}}", "settings value of :note must be a literal, found a map")]
    [InlineData("{:rebalance-frequency ‸[:daily]}", "settings value of :rebalance-frequency must be a literal, found a vector")]
    [InlineData("{:note (‸asset \"A\")}", "settings value of :note must be a literal, found asset")]
    public void An_invalid_setting_is_DSL205_at_its_value(string markedMap, string message)
    {
        AssertSettingsFail(markedMap, message);
    }

    [Fact]
    public void Other_keys_are_kept_in_extra_canonically_rendered_and_sorted_ordinally()
    {
        var settings = Settings(
            "{:zeta 1.50 :Zed 2 :Alpha \"say \\\"hi\\\"\" :mid :kw :flag true :rebalance-frequency :weekly :b-side false :gone nil}");
        Assert.Equal("weekly", settings.RebalanceFrequency);
        Assert.Equal(
            [
                new KeyValuePair<string, string>("Alpha", "\"say \\\"hi\\\"\""),
                new KeyValuePair<string, string>("Zed", "2"),
                new KeyValuePair<string, string>("b-side", "false"),
                new KeyValuePair<string, string>("flag", "true"),
                new KeyValuePair<string, string>("mid", ":kw"),
                new KeyValuePair<string, string>("zeta", "1.50"),
            ],
            settings.Extra);
    }
}
