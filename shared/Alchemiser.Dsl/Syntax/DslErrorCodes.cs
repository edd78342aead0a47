namespace Alchemiser.Dsl.Syntax;

/// <summary>The error codes of DSL.md §10.</summary>
public static class DslErrorCodes
{
    public const string InvalidUtf8 = "DSL100";
    public const string UnexpectedCharacter = "DSL101";
    public const string UnterminatedString = "DSL102";
    public const string InvalidEscape = "DSL103";
    public const string InvalidToken = "DSL104";
    public const string NumberTooLong = "DSL105";
    public const string Structure = "DSL106";
    public const string TooDeep = "DSL107";
    public const string TooLarge = "DSL108";

    public const string UnknownFunction = "DSL201";
    public const string Arity = "DSL202";
    public const string ArgumentKind = "DSL203";
    public const string Parameter = "DSL204";
    public const string Settings = "DSL205";
    public const string TopLevel = "DSL206";
    public const string InvalidTicker = "DSL207";

    public const string InsufficientHistory = "DSL301";
    public const string EmptyResult = "DSL302";
    public const string FalseIfWithoutElse = "DSL303";
    public const string SeveralWeightNodes = "DSL304";
    public const string InvalidPriceData = "DSL305";
}
