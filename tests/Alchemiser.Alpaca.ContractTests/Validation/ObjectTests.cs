using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary><c>required</c>, <c>properties</c>, <c>additionalProperties</c> and how undeclared properties are judged per direction.</summary>
public sealed class ObjectTests
{
    private const string Order = """
        {"type":"object","required":["symbol","type"],
         "properties":{"symbol":{"type":"string"},"type":{"type":"string"},"limit_price":{"type":"string"},
                       "take_profit":{"type":"object","properties":{"limit_price":{"type":"string"}}}}}
        """;

    [Theory]
    [InlineData(SchemaDirection.Request)]
    [InlineData(SchemaDirection.Response)]
    public void A_missing_required_property_is_a_problem_in_both_directions(SchemaDirection direction)
    {
        var problem = Assert.Single(InlineSchema.Check(Order, """{"symbol":"AAPL"}""", direction));

        Assert.Equal("required property \"type\" is missing", problem.Message);
        Assert.Equal(string.Empty, problem.Location);
    }

    [Fact]
    public void Each_property_is_checked_against_its_schema_at_its_location()
    {
        var problem = Assert.Single(InlineSchema.Check(Order, """{"symbol":"AAPL","type":"limit","take_profit":{"limit_price":190.5}}"""));

        Assert.Equal("take_profit/limit_price", problem.Location);
        Assert.Equal("expected string, got number 190.5", problem.Message);
    }

    [Fact]
    public void In_a_request_an_undeclared_property_is_a_problem_with_a_suggestion()
    {
        var problems = InlineSchema.Check(Order, """{"symbol":"AAPL","type":"limit","limitprice":"187.10"}""", SchemaDirection.Request);

        var problem = Assert.Single(problems);
        Assert.Equal("limitprice", problem.Location);
        Assert.StartsWith("unknown property \"limitprice\" (did you mean \"limit_price\"?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_request_undeclared_properties_of_nested_objects_are_problems_too()
    {
        var problems = InlineSchema.Check(Order, """{"symbol":"AAPL","type":"limit","take_profit":{"limit":"190"}}""", SchemaDirection.Request);

        ProblemAssert.Has(problems, "unknown property \"limit\"", "take_profit/limit");
    }

    [Fact]
    public void In_a_response_an_undeclared_property_is_tolerated()
    {
        ProblemAssert.None(InlineSchema.Check(Order, """{"symbol":"AAPL","type":"limit","new_field":1}"""));
    }

    [Theory]
    [InlineData(SchemaDirection.Request)]
    [InlineData(SchemaDirection.Response)]
    public void AdditionalProperties_false_forbids_undeclared_properties_in_both_directions(SchemaDirection direction)
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"a":"x"}""", direction));
        ProblemAssert.Has(InlineSchema.Check(schema, """{"a":"x","b":1}""", direction), "property \"b\" is not allowed", "b");
    }

    [Fact]
    public void AdditionalProperties_true_lets_a_request_carry_undeclared_properties()
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":true}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"a":"x","b":1}""", SchemaDirection.Request));
    }

    [Fact]
    public void A_request_object_whose_schema_declares_no_properties_is_free_form()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"object"}""", """{"anything":1}""", SchemaDirection.Request));
    }

    [Fact]
    public void AdditionalProperties_as_a_schema_checks_every_value_of_a_map()
    {
        const string components = """{"bar":{"type":"object","required":["t","c"],"properties":{"t":{"type":"string","format":"date-time"},"c":{"type":"number"}}}}""";
        const string schema = """
            {"type":"object","required":["bars"],"properties":{"bars":{"type":"object","additionalProperties":{"type":"array","items":{"$ref":"#/components/schemas/bar"}}}}}
            """;

        ProblemAssert.None(InlineSchema.Check(schema, """{"bars":{"AAPL":[{"t":"2024-01-03T05:00:00Z","c":184.25}],"SPY":[]}}""", components: components));
        var problems = InlineSchema.Check(schema, """{"bars":{"AAPL":[{"t":"2024-01-03T05:00:00Z","c":184.25}],"SPY":[{"t":"2024-01-03T05:00:00Z","c":"472.65"}]}}""", components: components);
        var problem = Assert.Single(problems);
        Assert.Equal("bars/SPY/0/c", problem.Location);
        Assert.Equal("expected number, got string \"472.65\"", problem.Message);
    }

    [Fact]
    public void A_map_schema_also_admits_undeclared_keys_in_a_request_but_checks_their_values()
    {
        const string schema = """{"type":"object","additionalProperties":{"type":"integer"}}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"a":1,"b":2}""", SchemaDirection.Request));
        ProblemAssert.Has(InlineSchema.Check(schema, """{"a":1,"b":"2"}""", SchemaDirection.Request), "expected integer", "b");
    }

    [Fact]
    public void MinProperties_and_maxProperties_bound_the_number_of_properties()
    {
        const string schema = """{"type":"object","minProperties":1,"maxProperties":2}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"a":1}"""));
        ProblemAssert.Has(InlineSchema.Check(schema, "{}"), "fewer than minProperties 1");
        ProblemAssert.Has(InlineSchema.Check(schema, """{"a":1,"b":2,"c":3}"""), "more than maxProperties 2");
    }

    [Fact]
    public void Property_names_with_slashes_are_escaped_in_locations()
    {
        const string schema = """{"type":"object","properties":{"BTC/USD":{"type":"number"}}}""";

        ProblemAssert.Has(InlineSchema.Check(schema, """{"BTC/USD":"1"}"""), "expected number", "BTC~1USD");
    }
}
