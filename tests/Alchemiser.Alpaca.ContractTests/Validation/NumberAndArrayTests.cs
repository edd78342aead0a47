using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary>Bounds on numbers (<c>minimum</c>, <c>maximum</c>, exclusive forms, <c>multipleOf</c>, integer formats) and arrays (<c>items</c>, sizes, uniqueness).</summary>
public sealed class NumberAndArrayTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("10000", true)]
    [InlineData("0", false)]
    [InlineData("10001", false)]
    public void Minimum_and_maximum_are_inclusive(string value, bool valid)
    {
        var problems = InlineSchema.Check("""{"type":"integer","minimum":1,"maximum":10000}""", value);

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void The_openapi_3_0_boolean_exclusive_bounds_exclude_the_bound()
    {
        const string schema = """{"type":"number","minimum":0,"exclusiveMinimum":true,"maximum":1,"exclusiveMaximum":true}""";

        ProblemAssert.None(InlineSchema.Check(schema, "0.314"));
        ProblemAssert.Has(InlineSchema.Check(schema, "0"), "below the exclusive minimum 0");
        ProblemAssert.Has(InlineSchema.Check(schema, "1"), "above the exclusive maximum 1");
    }

    [Fact]
    public void MultipleOf_needs_a_whole_number_of_steps()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"number","multipleOf":0.01}""", "187.1"));
        ProblemAssert.Has(InlineSchema.Check("""{"type":"number","multipleOf":0.01}""", "187.105"), "not a multiple of 0.01");
    }

    [Theory]
    [InlineData("int32", "2147483647", true)]
    [InlineData("int32", "2147483648", false)]
    [InlineData("uint32", "-1", false)]
    [InlineData("uint64", "18446744073709551615", true)]
    [InlineData("int64", "9223372036854775808", false)]
    public void Integer_formats_bound_the_value(string format, string value, bool valid)
    {
        var problems = InlineSchema.Check($$"""{"type":"integer","format":"{{format}}"}""", value);

        Assert.Equal(valid, problems.Count == 0);
    }

    [Fact]
    public void Every_item_is_checked_at_its_index()
    {
        var problems = InlineSchema.Check("""{"type":"array","items":{"type":"string"}}""", """["R","@",7,"T",false]""");

        Assert.Equal(["2", "4"], problems.Select(p => p.Location));
    }

    [Fact]
    public void MinItems_and_maxItems_bound_the_length()
    {
        const string schema = """{"type":"array","minItems":1,"maxItems":4}""";

        ProblemAssert.None(InlineSchema.Check(schema, "[1]"));
        ProblemAssert.Has(InlineSchema.Check(schema, "[]"), "fewer than minItems 1");
        ProblemAssert.Has(InlineSchema.Check(schema, "[1,2,3,4,5]"), "more than maxItems 4");
    }

    [Fact]
    public void UniqueItems_rejects_a_repeated_item()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"array","uniqueItems":true}""", """["AAPL","SPY"]"""));
        ProblemAssert.Has(InlineSchema.Check("""{"type":"array","uniqueItems":true}""", """["AAPL","SPY","AAPL"]"""), "repeats an earlier item", "2");
    }
}
