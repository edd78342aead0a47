using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary><c>type</c>, <c>nullable</c> and <c>enum</c>.</summary>
public sealed class TypeAndNullableTests
{
    [Theory]
    [InlineData("string", "\"abc\"")]
    [InlineData("number", "187.1")]
    [InlineData("number", "3")]
    [InlineData("integer", "42")]
    [InlineData("integer", "42.0")]
    [InlineData("integer", "1e3")]
    [InlineData("boolean", "false")]
    [InlineData("array", "[1, \"a\"]")]
    [InlineData("object", "{}")]
    public void A_value_of_the_declared_type_passes(string type, string instance)
    {
        ProblemAssert.None(InlineSchema.Check($$"""{"type":"{{type}}"}""", instance));
    }

    [Theory]
    [InlineData("number", "\"187.10\"", "expected number, got string \"187.10\"")]
    [InlineData("string", "187.1", "expected string, got number 187.1")]
    [InlineData("integer", "42.5", "expected integer, got number 42.5")]
    [InlineData("integer", "\"42\"", "expected integer, got string \"42\"")]
    [InlineData("boolean", "\"true\"", "expected boolean, got string \"true\"")]
    [InlineData("array", "{}", "expected array, got object")]
    [InlineData("object", "[]", "expected object, got array of 0")]
    public void A_value_of_another_type_is_a_mismatch(string type, string instance, string message)
    {
        var problems = InlineSchema.Check($$"""{"type":"{{type}}"}""", instance);

        var problem = Assert.Single(problems);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("1")]
    [InlineData("{\"a\":[1]}")]
    [InlineData("null")]
    public void A_schema_without_type_takes_any_value(string instance)
    {
        ProblemAssert.None(InlineSchema.Check("""{"description":"anything"}""", instance));
    }

    [Fact]
    public void An_unknown_type_name_in_the_schema_is_reported()
    {
        ProblemAssert.Has(InlineSchema.Check("""{"type":"decimal"}""", "1"), "unknown type \"decimal\"");
    }

    [Fact]
    public void Null_passes_only_where_the_schema_is_nullable()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"string","nullable":true}""", "null"));
        ProblemAssert.Has(InlineSchema.Check("""{"type":"string"}""", "null"), "null is not allowed");
        ProblemAssert.Has(InlineSchema.Check("""{"type":"string","nullable":false}""", "null"), "null is not allowed");
    }

    [Fact]
    public void Nullable_beside_an_allOf_reference_admits_null_and_still_checks_other_values()
    {
        const string components = """{"Side":{"type":"string","enum":["buy","sell"]}}""";
        const string schema = """{"allOf":[{"$ref":"#/components/schemas/Side"}],"nullable":true}""";

        ProblemAssert.None(InlineSchema.Check(schema, "null", components: components));
        ProblemAssert.None(InlineSchema.Check(schema, "\"buy\"", components: components));
        ProblemAssert.Has(InlineSchema.Check(schema, "\"hold\"", components: components), "not one of the allowed values");
        ProblemAssert.Has(InlineSchema.Check("""{"$ref":"#/components/schemas/Side"}""", "null", components: components), "null is not allowed");
    }

    [Fact]
    public void An_untyped_schema_with_an_enum_rejects_null_unless_listed()
    {
        ProblemAssert.Has(InlineSchema.Check("""{"enum":["a","b"]}""", "null"), "null is not one of the allowed values");
        ProblemAssert.None(InlineSchema.Check("""{"enum":["a",null]}""", "null"));
    }

    [Fact]
    public void An_enum_admits_only_its_values()
    {
        const string schema = """{"type":"string","enum":["day","gtc","opg","cls","ioc","fok"]}""";

        ProblemAssert.None(InlineSchema.Check(schema, "\"gtc\""));
        var problem = Assert.Single(InlineSchema.Check(schema, "\"forever\""));
        Assert.Equal("\"forever\" is not one of the allowed values \"day\", \"gtc\", \"opg\", \"cls\", \"ioc\", \"fok\"", problem.Message);
        ProblemAssert.Has(InlineSchema.Check(schema, "\"DAY\""), "not one of the allowed values");
    }

    [Fact]
    public void Enum_numbers_compare_by_value()
    {
        ProblemAssert.None(InlineSchema.Check("""{"type":"number","enum":[1,2.5]}""", "1.0"));
        ProblemAssert.Has(InlineSchema.Check("""{"type":"number","enum":[1,2.5]}""", "2"), "not one of the allowed values");
    }
}
