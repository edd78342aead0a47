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

    private static string HintFor(string code) => code switch
    {
        DslErrorCodes.InsufficientHistory => "load a longer price history for the symbol, or use a shorter window",
        DslErrorCodes.InvalidPriceData => "fix the symbol's price file: dates must strictly increase and closes be positive",
        _ when code.StartsWith("DSL1", StringComparison.Ordinal) => "fix the syntax at the position shown",
        _ => "fix the strategy file at the position shown",
    };
}
