using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary><c>format</c>, <c>minLength</c>, <c>maxLength</c> and <c>pattern</c> on strings.</summary>
public sealed class StringTests
{
    [Theory]
    [InlineData("2022-08-17T10:07:40.286587431Z")]
    [InlineData("2025-06-24T14:15:22-04:00")]
    [InlineData("2021-03-16T18:38:01.942282Z")]
    [InlineData("2024-01-03t00:00:00z")]
    [InlineData("2024-01-03 09:30:00+01:00")]
    [InlineData("2016-12-31T23:59:60Z")]
    public void A_real_rfc3339_date_time_passes(string value)
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"string","format":"date-time"}""", $"\"{value}\""));
    }

    [Theory]
    [InlineData("2024-01-03")]
    [InlineData("2024-01-03T09:30:00")]
    [InlineData("2024-01-03T09:30Z")]
    [InlineData("2024-02-30T09:30:00Z")]
    [InlineData("2024-01-03T24:00:00Z")]
    [InlineData("2024-01-03T09:30:00+0400")]
    [InlineData("1704272400")]
    [InlineData("yesterday")]
    public void A_string_that_is_not_a_date_time_fails(string value)
    {
        ProblemAssert.Has(InlineSchema.Check("""{"type":"string","format":"date-time"}""", $"\"{value}\""), "is not a valid date-time");
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-1-5", false)]
    [InlineData("2024-01-05T00:00:00Z", false)]
    [InlineData("20240105", false)]
    public void A_date_is_a_real_calendar_day_as_yyyy_mm_dd(string value, bool valid)
    {
        var problems = InlineSchema.Check("""{"type":"string","format":"date"}""", $"\"{value}\"");

        Assert.Equal(valid, problems.Count == 0);
    }

    [Theory]
    [InlineData("61e69015-8549-4bfd-b9c3-01e75843f47d", true)]
    [InlineData("B0B6DD9D-8B9B-48A9-BA46-B9D54906E415", true)]
    [InlineData("61e690158549-4bfd-b9c3-01e75843f47d", false)]
    [InlineData("61e69015-8549-4bfd-b9c3-01e75843f47", false)]
    [InlineData("61e69015-8549-4bfd-b9c3-01e75843f47g", false)]
    [InlineData("alc-x-AAPL-buy-1", false)]
    public void A_uuid_is_8_4_4_4_12_hex_digits(string value, bool valid)
    {
        var problems = InlineSchema.Check("""{"type":"string","format":"uuid"}""", $"\"{value}\"");

        Assert.Equal(valid, problems.Count == 0);
    }

    [Theory]
    [InlineData("187.10", true)]
    [InlineData("-0.98", true)]
    [InlineData("3", true)]
    [InlineData("1e5", false)]
    [InlineData(".5", false)]
    [InlineData("12,5", false)]
    [InlineData("abc", false)]
    public void A_decimal_is_a_plain_invariant_number_in_a_string(string value, bool valid)
    {
        var problems = InlineSchema.Check("""{"type":"string","format":"decimal"}""", $"\"{value}\"");

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void A_format_the_validator_does_not_check_is_an_annotation()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"string","format":"ulid"}""", "\"not really a ulid\""));
    }

    [Fact]
    public void A_format_applies_only_to_strings()
    {
        ProblemAssert.None(InlineSchema.Check("""{"format":"date"}""", "20240103"));
    }

    [Fact]
    public void Lengths_are_counted_in_characters_and_bounded_both_ways()
    {
        const string schema = """{"type":"string","minLength":2,"maxLength":4}""";

        ProblemAssert.None(InlineSchema.Check(schema, "\"éé\""));
        ProblemAssert.None(InlineSchema.Check(schema, "\"😀😀😀😀\""));
        ProblemAssert.Has(InlineSchema.Check(schema, "\"a\""), "shorter than minLength 2");
        ProblemAssert.Has(InlineSchema.Check(schema, "\"abcde\""), "longer than maxLength 4");
    }

    [Fact]
    public void A_pattern_is_searched_for_anywhere_unless_anchored()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"string","pattern":"[0-9]"}""", "\"abc1\""));
        ProblemAssert.None(InlineSchema.Check("""{"type":"string","pattern":"^[A-Z0-9]{9}$"}""", "\"037833100\""));
        ProblemAssert.Has(InlineSchema.Check("""{"type":"string","pattern":"^[A-Z0-9]{9}$"}""", "\"03783310\""), "does not match the pattern");
    }

    [Fact]
    public void A_pattern_that_is_not_a_regular_expression_is_reported()
    {
        ProblemAssert.Has(InlineSchema.Check("""{"type":"string","pattern":"([A-Z"}""", "\"A\""), "is not a valid regular expression");
    }
}
