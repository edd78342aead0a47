using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary><c>$ref</c>, <c>allOf</c>, <c>oneOf</c> and <c>anyOf</c>.</summary>
public sealed class CompositionTests
{
    private const string Components = """
        {
          "Base":{"type":"object","required":["id"],"properties":{"id":{"type":"string","format":"uuid"}}},
          "Named":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
          "Cash":{"type":"object","required":["amount"],"properties":{"amount":{"type":"string"}}},
          "Stock":{"type":"object","required":["symbol"],"properties":{"symbol":{"type":"string"},"qty":{"type":"string"}}},
          "Tree":{"type":"object","required":["value"],"properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Tree"}}}},
          "Loop":{"allOf":[{"$ref":"#/components/schemas/Loop"}]},
          "PingA":{"$ref":"#/components/schemas/PingB"},
          "PingB":{"$ref":"#/components/schemas/PingA"}
        }
        """;

    private const string BaseAndNamed = """{"allOf":[{"$ref":"#/components/schemas/Base"},{"$ref":"#/components/schemas/Named"}]}""";

    private const string CashOrStock = """{"type":"object","oneOf":[{"$ref":"#/components/schemas/Cash"},{"$ref":"#/components/schemas/Stock"}]}""";

    [Fact]
    public void A_reference_is_followed_into_the_components()
    {
        ProblemAssert.None(InlineSchema.Check("""{"$ref":"#/components/schemas/Named"}""", """{"name":"x"}""", components: Components));
        ProblemAssert.Has(InlineSchema.Check("""{"$ref":"#/components/schemas/Named"}""", """{"name":1}""", components: Components), "expected string", "name");
    }

    [Fact]
    public void A_reference_that_leads_nowhere_is_reported()
    {
        ProblemAssert.Has(InlineSchema.Check("""{"$ref":"#/components/schemas/Missing"}""", "1", components: Components), "leads nowhere");
    }

    [Fact]
    public void A_recursive_schema_follows_the_value_as_deep_as_it_goes()
    {
        const string schema = """{"$ref":"#/components/schemas/Tree"}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}""", components: Components));
        ProblemAssert.Has(
            InlineSchema.Check(schema, """{"value":1,"children":[{"value":2,"children":[{"value":"3"}]}]}""", components: Components),
            "expected integer", "children/0/children/0/value");
    }

    [Theory]
    [InlineData("Loop")]
    [InlineData("PingA")]
    public void A_reference_cycle_that_never_reaches_a_value_is_reported_not_followed_forever(string name)
    {
        var problems = InlineSchema.Check($$"""{"$ref":"#/components/schemas/{{name}}"}""", "{}", components: Components);

        ProblemAssert.Has(problems, "reference cycle");
    }

    [Fact]
    public void AllOf_needs_every_member_to_pass()
    {
        ProblemAssert.None(InlineSchema.Check(BaseAndNamed, """{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","name":"x"}""", components: Components));
        ProblemAssert.Has(InlineSchema.Check(BaseAndNamed, """{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d"}""", components: Components), "required property \"name\" is missing");
        ProblemAssert.Has(InlineSchema.Check(BaseAndNamed, """{"id":"nope","name":"x"}""", components: Components), "not a valid uuid", "id");
    }

    [Fact]
    public void In_a_request_every_allOf_member_declares_properties_for_the_whole_object()
    {
        ProblemAssert.None(InlineSchema.Check(BaseAndNamed, """{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","name":"x"}""", SchemaDirection.Request, Components));

        var problems = InlineSchema.Check(BaseAndNamed, """{"id":"61e69015-8549-4bfd-b9c3-01e75843f47d","name":"x","nmae":"y"}""", SchemaDirection.Request, Components);

        var problem = Assert.Single(problems);
        Assert.StartsWith("unknown property \"nmae\" (did you mean \"name\"?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneOf_passes_when_exactly_one_alternative_matches()
    {
        ProblemAssert.None(InlineSchema.Check(CashOrStock, """{"amount":"100"}""", components: Components));
        ProblemAssert.None(InlineSchema.Check(CashOrStock, """{"symbol":"AAPL","qty":"1"}""", components: Components));
    }

    [Fact]
    public void OneOf_fails_when_no_alternative_matches_and_shows_the_closest()
    {
        var problems = InlineSchema.Check(CashOrStock, """{"symbol":7}""", components: Components);

        ProblemAssert.Has(problems, "matches none of the 2 oneOf alternatives; closest is #1 (Stock)");
        ProblemAssert.Has(problems, "expected string", "symbol");
    }

    [Fact]
    public void OneOf_fails_when_more_than_one_alternative_matches()
    {
        const string schema = """{"oneOf":[{"type":"number"},{"type":"integer"}]}""";

        ProblemAssert.None(InlineSchema.Check(schema, "2.5"));
        ProblemAssert.Has(InlineSchema.Check(schema, "2"), "matches 2 of the oneOf alternatives (#0, #1); exactly one must match");
    }

    [Fact]
    public void In_a_request_a_oneOf_branch_judges_undeclared_properties_with_its_own_and_the_parents()
    {
        const string schema = """{"type":"object","properties":{"note":{"type":"string"}},"oneOf":[{"$ref":"#/components/schemas/Cash"},{"$ref":"#/components/schemas/Stock"}]}""";

        ProblemAssert.None(InlineSchema.Check(schema, """{"note":"n","symbol":"AAPL","qty":"1"}""", SchemaDirection.Request, Components));
        ProblemAssert.Has(InlineSchema.Check(schema, """{"note":"n","symbol":"AAPL","quantity":"1"}""", SchemaDirection.Request, Components), "matches none of the 2 oneOf alternatives");
    }

    [Fact]
    public void AnyOf_passes_when_at_least_one_alternative_matches()
    {
        const string schema = """{"anyOf":[{"type":"string","maxLength":3},{"type":"string","pattern":"^[A-Z]+$"}]}""";

        ProblemAssert.None(InlineSchema.Check(schema, "\"abc\""));
        ProblemAssert.None(InlineSchema.Check(schema, "\"ABCDEF\""));
        ProblemAssert.Has(InlineSchema.Check(schema, "\"abcdef\""), "matches none of the 2 anyOf alternatives");
    }

    [Fact]
    public void The_schema_validator_reports_the_declared_type_through_references_and_allOf()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""
            {"components":{"schemas":{"Feed":{"type":"string","enum":["iex","sip"]},"Wrapped":{"allOf":[{"$ref":"#/components/schemas/Feed"}]}}}}
            """);
        var validator = new SchemaValidator(document.RootElement);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Assert.Equal("string", validator.DeclaredType(System.Text.Json.JsonDocument.Parse("""{"$ref":"#/components/schemas/Feed"}""").RootElement));
        Assert.Equal("string", validator.DeclaredType(schemas.GetProperty("Wrapped")));
        Assert.Null(validator.DeclaredType(System.Text.Json.JsonDocument.Parse("{}").RootElement));
    }
}
