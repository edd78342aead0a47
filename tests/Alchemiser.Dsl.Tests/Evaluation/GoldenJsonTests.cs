using System.Globalization;
using Alchemiser.Dsl.Tests.Fixtures;
using static Alchemiser.Dsl.Tests.Evaluation.EvaluationHarness;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>DSL.md §9: the demo's JSON is byte-exact, and stays so under other cultures (T7).</summary>
public class GoldenJsonTests
{
    private static string Golden => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "demo.2024-01-16.json"));

    [Fact]
    public void Demo_prints_the_golden_json_byte_for_byte()
    {
        Assert.Equal(Golden, Json(SpecFixtures.Demo, file: "demo.clj"));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(Golden, Json(SpecFixtures.Demo, file: "demo.clj"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
