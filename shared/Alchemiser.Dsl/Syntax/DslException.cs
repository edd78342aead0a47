using Alchemiser.Core.Errors;

namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// Every error of the strategy language (DSL.md §10): a code (<c>DSL106</c>), the file and position it is
/// reported at, and a one-line message. <see cref="Display"/> is the form users see:
/// <c>nuclear.clj:3:14: unknown function 'rsii' (did you mean 'rsi'?)</c>.
/// </summary>
public class DslException : AlchemiserException
{
    public DslException(string code, string file, int line, int column, string message)
        : base(CategoryOf(code), message, HintFor(code))
    {
        Code = code;
        File = file;
        Line = line;
        Column = column;
    }

    public DslException(string code, string file, SourceSpan at, string message)
        : this(code, file, at.Line, at.Column, message)
    {
    }

    public string Code { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary><c>{file}:{line}:{col}: {message}</c>.</summary>
    public string Display => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");

    /// <summary>DSL301 and DSL305 are data problems; every other code is a strategy problem.</summary>
    public static ErrorCategory CategoryOf(string code) =>
        code is DslErrorCodes.InsufficientHistory or DslErrorCodes.InvalidPriceData ? ErrorCategory.Data : ErrorCategory.Strategy;

    /// <summary>What a user should do about an error with this code.</summary>
    public static string HintFor(string code) => code switch
    {
        DslErrorCodes.InvalidUtf8 => "save the file as UTF-8",
        DslErrorCodes.UnexpectedCharacter or DslErrorCodes.InvalidToken or DslErrorCodes.NumberTooLong =>
            "numbers are written like 10 or 0.5 (no leading '.', no exponent); names use letters, digits and - _ ? ! < > = * + /",
        DslErrorCodes.UnterminatedString or DslErrorCodes.InvalidEscape => "close the string with \" and escape only \\\" \\\\ \\n \\t \\r",
        DslErrorCodes.Structure => "check the brackets: every ( [ { needs its matching ) ] }, maps need :key value pairs, and a file holds one defsymphony",
        DslErrorCodes.TooDeep or DslErrorCodes.TooLarge => "split the strategy into smaller files",
        DslErrorCodes.UnknownFunction => "check the spelling; docs/dsl.md lists every function",
        DslErrorCodes.Arity => "check the number of arguments against docs/dsl.md",
        DslErrorCodes.ArgumentKind => "this position takes another kind of form; see the function's signature in docs/dsl.md",
        DslErrorCodes.Parameter => "check the indicator's parameters: {:window n} with 1 <= n <= 65535 (PPO: :short-window < :long-window)",
        DslErrorCodes.Settings => "settings take :rebalance-frequency, :rebalance-threshold (0 < x <= 1) and :asset-class (EQUITIES or CRYPTO)",
        DslErrorCodes.TopLevel => "a strategy file holds one (defsymphony \"name\" {settings} body)",
        DslErrorCodes.InvalidTicker => "tickers are 1-32 characters: letters, digits and . / : _ -",
        DslErrorCodes.InsufficientHistory => "load a longer price history for the symbol, or use a shorter window",
        DslErrorCodes.InvalidPriceData => "fix the symbol's price file: dates must strictly increase and closes be positive",
        DslErrorCodes.EmptyResult => "make sure every branch can yield at least one asset",
        DslErrorCodes.FalseIfWithoutElse => "give the 'if' an else branch",
        DslErrorCodes.SeveralWeightNodes => "wrap the items in weight-equal (or another weight-*) to combine them",
        _ => "fix the strategy file at the position shown",
    };
}
