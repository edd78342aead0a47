using Alchemiser.Alpaca.ContractTests.OpenApi;
using Alchemiser.Alpaca.ContractTests.Support;

namespace Alchemiser.Alpaca.ContractTests.Validation;

/// <summary>Routing, parameters, bodies, responses and examples of <see cref="OpenApiContract"/> on a small document of its own.</summary>
public sealed class OpenApiContractTests
{
    private const string Document = """
        {
          "openapi": "3.0.3",
          "info": {"title": "Test API", "version": "1"},
          "paths": {
            "/v1/items/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Z/]+$"}}],
              "get": {"operationId": "getItem", "parameters": [{"$ref": "#/components/parameters/verbose"}],
                      "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"},
                                      "example": {"id": "A", "price": 1.5},
                                      "examples": {"cheap": {"value": {"id": "B", "price": 0.5}}, "shared": {"$ref": "#/components/examples/Dear"}}}}},
                                    "default": {"$ref": "#/components/responses/Error"}}},
              "post": {"operationId": "postItem", "requestBody": {"$ref": "#/components/requestBodies/NewItem"},
                       "responses": {"201": {"description": "created"}}}
            },
            "/v1/items/special": {
              "get": {"operationId": "getSpecial", "responses": {"204": {"description": "none"}}}
            },
            "/v1/items:search": {
              "get": {"operationId": "searchItems",
                      "parameters": [
                        {"name": "q", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
                        {"name": "kinds", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}},
                        {"name": "X-Trace", "in": "header", "required": true, "schema": {"type": "string"}}
                      ],
                      "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}}}
            }
          },
          "components": {
            "parameters": {"verbose": {"name": "verbose", "in": "query", "schema": {"type": "boolean"}}},
            "requestBodies": {"NewItem": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}},
            "responses": {"Error": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "examples": {"Dear": {"summary": "dear", "value": {"id": "C", "price": 99}}},
            "schemas": {
              "Item": {"type": "object", "required": ["id", "price"], "properties": {"id": {"type": "string"}, "price": {"type": "number"}}, "example": {"id": "D", "price": 2}},
              "Error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}}
            }
          }
        }
        """;

    private static readonly OpenApiContract Contract = OpenApiContract.Parse(Document, "test-api.json");

    [Fact]
    public void A_literal_path_wins_over_a_template_that_also_fits()
    {
        Assert.Equal("getSpecial", Contract.FindOperation(HttpMethod.Get, "/v1/items/special")?.OperationId);
        Assert.Equal("getItem", Contract.FindOperation(HttpMethod.Get, "/v1/items/ABC")?.OperationId);
    }

    [Fact]
    public void The_method_is_looked_up_on_the_most_specific_path_alone()
    {
        Assert.Null(Contract.FindOperation(HttpMethod.Post, "/v1/items/special"));
        Assert.Equal("postItem", Contract.FindOperation(HttpMethod.Post, "/v1/items/ABC")?.OperationId);
    }

    [Fact]
    public void A_literal_key_with_a_colon_is_its_own_path()
    {
        var operation = Contract.FindOperation(HttpMethod.Get, "/v1/items:search?q=x");

        Assert.NotNull(operation);
        Assert.Equal("searchItems", operation.OperationId);
        Assert.Equal("/v1/items:search", operation.PathTemplate);
        Assert.Equal(HttpMethod.Get, operation.Method);
    }

    [Theory]
    [InlineData("/v1/item/ABC")]
    [InlineData("/v1/items")]
    [InlineData("/v1/items/")]
    [InlineData("/v1/items/ABC/extra")]
    [InlineData("/v2/items/ABC")]
    public void A_path_that_fits_no_key_has_no_operation(string path)
    {
        Assert.Null(Contract.FindOperation(HttpMethod.Get, path));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, path, null), "no path of test-api.json fits GET");
    }

    [Fact]
    public void A_method_the_path_lacks_is_reported_with_the_methods_it_has()
    {
        var problem = Assert.Single(Contract.ValidateRequest(HttpMethod.Delete, "/v1/items/ABC", null));

        Assert.Equal("operation", problem.Location);
        Assert.Equal("/v1/items/{id} of test-api.json has no DELETE operation (it has GET, POST)", problem.Message);
    }

    [Fact]
    public void A_path_parameter_is_percent_decoded_and_checked_against_its_schema()
    {
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, "/v1/items/BTC%2FUSD", null));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items/abc", null), "does not match the pattern", "path/id");
    }

    [Fact]
    public void Query_parameters_are_read_as_their_type_and_checked()
    {
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=a+b&limit=10&sort=asc", null));
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, "/v1/items/ABC?verbose=true", null));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&limit=ten", null), "expected integer, got string \"ten\"", "query/limit");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&limit=101", null), "above the maximum 100", "query/limit");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&sort=up", null), "not one of the allowed values", "query/sort");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items/ABC?verbose=yes", null), "expected boolean", "query/verbose");
    }

    [Fact]
    public void An_unknown_query_parameter_is_reported_with_the_declared_ones()
    {
        var problem = Assert.Single(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&limits=5", null));

        Assert.Equal("query/limits", problem.Location);
        Assert.Equal("unknown query parameter \"limits\" (did you mean \"limit\"?); searchItems declares kinds, limit, q, sort", problem.Message);
    }

    [Fact]
    public void A_missing_required_query_parameter_is_reported()
    {
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?limit=5", null), "required query parameter \"q\" is missing", "query/q");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=", null), "shorter than minLength 1", "query/q");
    }

    [Fact]
    public void A_scalar_query_parameter_given_twice_is_reported()
    {
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&q=y", null), "given 2 times", "query/q");
    }

    [Fact]
    public void An_array_query_parameter_takes_repeats_and_commas_and_checks_each_item()
    {
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&kinds=a,b", null));
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&kinds=a&kinds=b", null));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items:search?q=x&kinds=a,c", null), "\"c\" is not one of the allowed values", "query/kinds/1");
    }

    [Fact]
    public void An_absolute_uri_is_validated_by_its_path_and_query()
    {
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Get, new Uri("https://example.test/v1/items:search?q=x"), null));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, new Uri("https://example.test/v1/items:search"), null), "required query parameter \"q\"");
    }

    [Fact]
    public void A_body_is_checked_against_the_referenced_request_body_schema()
    {
        ProblemAssert.None(Contract.ValidateRequest(HttpMethod.Post, "/v1/items/ABC", """{"id":"A","price":1}"""));
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Post, "/v1/items/ABC", """{"id":"A","price":"1"}"""), "expected number", "body/price");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Post, "/v1/items/ABC", """{"id":"A","price":1,"prise":2}"""), "unknown property \"prise\"", "body/prise");
    }

    [Fact]
    public void A_required_body_must_be_sent_and_must_be_json()
    {
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Post, "/v1/items/ABC", null), "requires a request body", "body");
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Post, "/v1/items/ABC", "{\"id\":"), "not valid JSON", "body");
    }

    [Fact]
    public void A_body_where_the_operation_takes_none_is_reported()
    {
        ProblemAssert.Has(Contract.ValidateRequest(HttpMethod.Get, "/v1/items/ABC", "{}"), "getItem takes no request body", "body");
    }

    [Fact]
    public void A_response_is_checked_against_the_schema_of_its_status()
    {
        ProblemAssert.None(Contract.ValidateResponse("getItem", 200, """{"id":"A","price":1.5,"extra":true}"""));
        ProblemAssert.Has(Contract.ValidateResponse("getItem", 200, """{"id":"A"}"""), "required property \"price\" is missing", "response");
        ProblemAssert.Has(Contract.ValidateResponse("getItem", 200, "not json"), "not valid JSON", "response");
        ProblemAssert.Has(Contract.ValidateResponse("getItem", 200, ""), "declares a JSON body for status 200, but none was given");
    }

    [Fact]
    public void A_status_the_operation_does_not_declare_falls_back_to_default()
    {
        ProblemAssert.None(Contract.ValidateResponse("getItem", 503, """{"code":503,"message":"busy"}"""));
        ProblemAssert.Has(Contract.ValidateResponse("getItem", 503, """{"message":"busy"}"""), "required property \"code\" is missing");
    }

    [Fact]
    public void A_status_without_a_declaration_or_default_is_itself_a_problem()
    {
        var problem = Assert.Single(Contract.ValidateResponse("searchItems", 404, "{}"));

        Assert.Equal("searchItems declares no response for status 404 and no default (it declares 200)", problem.Message);
    }

    [Fact]
    public void A_response_without_content_must_have_no_body()
    {
        ProblemAssert.None(Contract.ValidateResponse("getSpecial", 204, string.Empty));
        ProblemAssert.Has(Contract.ValidateResponse("getSpecial", 204, "{}"), "declares no body for status 204");
    }

    [Fact]
    public void A_response_can_be_found_from_the_request_that_led_to_it()
    {
        ProblemAssert.None(Contract.ValidateResponse(HttpMethod.Get, "/v1/items:search?q=x", 200, """[{"id":"A","price":1}]"""));
        ProblemAssert.Has(Contract.ValidateResponse(HttpMethod.Get, "/v1/items:search?q=x", 200, """[{"id":"A","price":null}]"""), "null is not allowed", "response/0/price");
        ProblemAssert.Has(Contract.ValidateResponse(HttpMethod.Put, "/v1/items:search", 200, "[]"), "has no operation for PUT /v1/items:search");
        ProblemAssert.Has(Contract.ValidateResponse("noSuchOperation", 200, "[]"), "has no operation \"noSuchOperation\"");
    }

    [Fact]
    public void Examples_come_from_the_media_type_and_the_response_schema()
    {
        var examples = Contract.Examples("getItem", 200);

        Assert.Equal(["example", "cheap", "shared", "schema example"], examples.Select(e => e.Name));
        Assert.Equal("C", examples[2].Value.GetProperty("id").GetString());
        Assert.Empty(Contract.Examples("searchItems", 200));
        Assert.Throws<KeyNotFoundException>(() => Contract.Examples("noSuchOperation", 200));
    }

    [Fact]
    public void Statuses_and_the_success_status_are_read_from_the_responses()
    {
        Assert.Equal(["200", "default"], Contract.ResponseStatuses("getItem"));
        Assert.Equal(200, Contract.SuccessStatus("getItem"));
        Assert.Equal(201, Contract.SuccessStatus("postItem"));
        Assert.Equal(204, Contract.SuccessStatus("getSpecial"));
    }

    [Fact]
    public void Operations_are_listed_in_document_order_with_their_ids()
    {
        Assert.Equal(["getItem", "postItem", "getSpecial", "searchItems"], Contract.Operations.Select(o => o.OperationId));
        Assert.Equal("GET /v1/items/{id} (getItem)", Contract.Operations[0].ToString());
        Assert.Equal("Test API", Contract.Title);
    }

    [Fact]
    public void Only_openapi_3_0_documents_are_read()
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenApiContract.Parse("""{"openapi":"3.1.0","paths":{}}""", "new.json"));

        Assert.Contains("3.1.0", error.Message, StringComparison.Ordinal);
    }
}
