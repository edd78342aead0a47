namespace Alchemiser.Alpaca.ContractTests.OpenApi;

/// <summary>
/// Which way a JSON value travels, which decides how strictly undeclared object properties are judged.
/// </summary>
public enum SchemaDirection
{
    /// <summary>
    /// Sent by the project to Alpaca: a property the schema does not declare is a problem (a misspelt field would be
    /// silently ignored or rejected by the server), unless the schema allows it through <c>additionalProperties</c>
    /// or declares no properties at all (a free-form object).
    /// </summary>
    Request,

    /// <summary>
    /// Sent by Alpaca to the project: undeclared properties are tolerated (APIs add fields) unless the schema forbids
    /// them with <c>additionalProperties: false</c>; missing required properties are still problems.
    /// </summary>
    Response,
}
