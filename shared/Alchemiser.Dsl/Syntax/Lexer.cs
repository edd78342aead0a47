using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// Turns strategy source text into tokens (DSL.md §1). Skips whitespace, commas and <c>;</c> comments, tracks
/// line and column (<c>\r\n</c>, <c>\n</c> and a lone <c>\r</c> each end a line; columns count UTF-16 units), and
/// throws <see cref="DslException"/> with DSL101–DSL105 for bad input. Names, short string values and number
/// lexemes are interned, so a large file that repeats <c>weight-equal</c> or <c>:window</c> shares one string.
/// </summary>
public sealed class Lexer
{
    /// <summary>Numbers with more digits than this are rejected (DSL105): beyond 28 a decimal is no longer exact.</summary>
    public const int MaxNumberDigits = 28;

    // Interning is a memory optimisation only; these bounds keep hostile input from growing the tables without limit.
    private const int MaxInternedLength = 64;
    private const int MaxInternedEntries = 1 << 16;

    // Offending text quoted in a message is cut to this many chars.
    private const int MaxQuotedChars = 64;

    private const byte WhiteOrDelimiter = 1;
    private const byte SymbolStart = 2;
    private const byte SymbolPart = 4;
    private const byte KeywordStart = 8;
    private const byte KeywordPart = 16;

    private static readonly byte[] AsciiClasses = BuildAsciiClasses();
    private static readonly SearchValues<char> StringStops = SearchValues.Create("\"\\\r\n");

    private readonly string text;
    private readonly string fileName;
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> nameLookup;
    private readonly Dictionary<string, decimal> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> numberLookup;
    private StringBuilder? unescaped;
    private int position;
    private int line = 1;
    private int lineStart;

    /// <summary>Starts lexing <paramref name="text"/>; <paramref name="fileName"/> is only used in error positions.</summary>
    public Lexer(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        this.text = text;
        this.fileName = fileName;
        nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        numberLookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Reads the next token. At the end of the input returns <see cref="TokenKind.EndOfInput"/> (again on every
    /// further call).
    /// </summary>
    /// <exception cref="DslException">DSL101–DSL105 for a bad character, string, escape, lexeme or number.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Token Next()
    {
        SkipTrivia();
        var start = position;
        var column = start - lineStart + 1;
        if (start >= text.Length)
        {
            return new Token(TokenKind.EndOfInput, line, column, start, 0, null, 0m);
        }

        switch (text[start])
        {
            case '(': return Bracket(TokenKind.OpenParen, start, column);
            case ')': return Bracket(TokenKind.CloseParen, start, column);
            case '[': return Bracket(TokenKind.OpenBracket, start, column);
            case ']': return Bracket(TokenKind.CloseBracket, start, column);
            case '{': return Bracket(TokenKind.OpenBrace, start, column);
            case '}': return Bracket(TokenKind.CloseBrace, start, column);
            case '"': return ReadString(start, column);
            default: return ReadLexeme(start, column);
        }
    }

    /// <summary>True when <paramref name="c"/> ends a lexeme: whitespace, <c>,</c> <c>;</c> a bracket or <c>"</c>.</summary>
    private static bool IsDelimiter(char c) => c < 128 ? (AsciiClasses[c] & WhiteOrDelimiter) != 0 : char.IsWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipTrivia()
    {
        var s = text;
        var p = position;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == ' ' || c == ',' || c == '\t')
            {
                p++;
            }
            else if (c == '\n')
            {
                p++;
                line++;
                lineStart = p;
            }
            else if (c == '\r')
            {
                p++;
                if (p < s.Length && s[p] == '\n')
                {
                    p++;
                }

                line++;
                lineStart = p;
            }
            else if (c == ';')
            {
                var toBreak = s.AsSpan(p).IndexOfAny('\r', '\n');
                p = toBreak < 0 ? s.Length : p + toBreak;
            }
            else if (char.IsWhiteSpace(c))
            {
                p++;
            }
            else
            {
                break;
            }
        }

        position = p;
    }

    private Token Bracket(TokenKind kind, int start, int column)
    {
        position = start + 1;
        return new Token(kind, line, column, start, 1, null, 0m);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Token ReadString(int start, int column)
    {
        var s = text;
        var startLine = line;
        var p = start + 1;
        var segment = p;
        StringBuilder? builder = null;
        while (true)
        {
            var next = s.AsSpan(p).IndexOfAny(StringStops);
            if (next < 0)
            {
                throw Error(DslErrorCodes.UnterminatedString, startLine, column, "unterminated string");
            }

            p += next;
            switch (s[p])
            {
                case '"':
                    var value = builder is null
                        ? InternOrCopy(s.AsSpan(segment, p - segment))
                        : builder.Append(s, segment, p - segment).ToString();
                    position = p + 1;
                    return new Token(TokenKind.String, startLine, column, start, p + 1 - start, value, 0m);
                case '\n':
                    p++;
                    line++;
                    lineStart = p;
                    break;
                case '\r':
                    p++;
                    if (p < s.Length && s[p] == '\n')
                    {
                        p++;
                    }

                    line++;
                    lineStart = p;
                    break;
                default:
                    if (p + 1 >= s.Length)
                    {
                        throw Error(DslErrorCodes.UnterminatedString, startLine, column, "unterminated string");
                    }

                    var escaped = s[p + 1] switch
                    {
                        '"' => '"',
                        '\\' => '\\',
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        _ => throw Error(
                            DslErrorCodes.InvalidEscape,
                            line,
                            p - lineStart + 1,
                            "invalid escape sequence '\\" + Quote(CodePointAt(s, p + 1)) + "'"),
                    };
                    if (builder is null)
                    {
                        builder = unescaped ??= new StringBuilder();
                        builder.Clear();
                    }

                    builder.Append(s, segment, p - segment).Append(escaped);
                    p += 2;
                    segment = p;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Token ReadLexeme(int start, int column)
    {
        var s = text;
        var end = start;
        while (end < s.Length && !IsDelimiter(s[end]))
        {
            end++;
        }

        position = end;
        var lexeme = s.AsSpan(start, end - start);
        var length = end - start;
        var first = lexeme[0];

        if (IsAsciiDigit(first) || (first == '-' && lexeme.Length > 1 && IsAsciiDigit(lexeme[1])))
        {
            var numberKind = ClassifyNumber(lexeme, out var digits);
            if (numberKind != TokenKind.EndOfInput)
            {
                if (digits > MaxNumberDigits)
                {
                    throw Error(
                        DslErrorCodes.NumberTooLong,
                        line,
                        column,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"number '{Quote(lexeme)}' has more than {MaxNumberDigits} digits"));
                }

                var (numberText, value) = ReadNumber(lexeme);
                return new Token(numberKind, line, column, start, length, numberText, value);
            }

            // "-1x" is still a valid symbol; "1x" cannot be anything.
        }
        else if (first == ':')
        {
            if (IsKeyword(lexeme))
            {
                return new Token(TokenKind.Keyword, line, column, start, length, InternOrCopy(lexeme[1..]), 0m);
            }
        }

        if (first < 128 && (AsciiClasses[first] & SymbolStart) != 0)
        {
            if (lexeme.SequenceEqual("true"))
            {
                return new Token(TokenKind.True, line, column, start, length, null, 0m);
            }

            if (lexeme.SequenceEqual("false"))
            {
                return new Token(TokenKind.False, line, column, start, length, null, 0m);
            }

            if (lexeme.SequenceEqual("nil"))
            {
                return new Token(TokenKind.Nil, line, column, start, length, null, 0m);
            }

            if (AllHave(lexeme[1..], SymbolPart))
            {
                return new Token(TokenKind.Symbol, line, column, start, length, InternOrCopy(lexeme), 0m);
            }
        }

        if (first < 128 && ((AsciiClasses[first] & SymbolPart) != 0 || first == ':'))
        {
            throw Error(DslErrorCodes.InvalidToken, line, column, "invalid token '" + Quote(lexeme) + "'");
        }

        throw Error(
            DslErrorCodes.UnexpectedCharacter, line, column, "unexpected character '" + Quote(CodePointAt(s, start)) + "'");
    }

    /// <summary>Integer, Float, or EndOfInput when the lexeme is not a number; counts its digits.</summary>
    private static TokenKind ClassifyNumber(ReadOnlySpan<char> lexeme, out int digits)
    {
        var i = lexeme[0] == '-' ? 1 : 0;
        var integerStart = i;
        while (i < lexeme.Length && IsAsciiDigit(lexeme[i]))
        {
            i++;
        }

        digits = i - integerStart;
        if (i == lexeme.Length)
        {
            return TokenKind.Integer;
        }

        if (lexeme[i] != '.' || i + 1 == lexeme.Length)
        {
            return TokenKind.EndOfInput;
        }

        var fractionStart = ++i;
        while (i < lexeme.Length && IsAsciiDigit(lexeme[i]))
        {
            i++;
        }

        digits += i - fractionStart;
        return i == lexeme.Length ? TokenKind.Float : TokenKind.EndOfInput;
    }

    private (string Text, decimal Value) ReadNumber(ReadOnlySpan<char> lexeme)
    {
        if (numberLookup.TryGetValue(lexeme, out var known, out var knownValue))
        {
            return (known, knownValue);
        }

        var value = decimal.Parse(
            lexeme, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var numberText = lexeme.ToString();
        if (lexeme.Length <= MaxInternedLength && numbers.Count < MaxInternedEntries)
        {
            numbers.Add(numberText, value);
        }

        return (numberText, value);
    }

    private string InternOrCopy(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0)
        {
            return string.Empty;
        }

        if (chars.Length > MaxInternedLength)
        {
            return chars.ToString();
        }

        if (nameLookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        var copy = chars.ToString();
        if (names.Count < MaxInternedEntries)
        {
            names.Add(copy);
        }

        return copy;
    }

    private static bool IsKeyword(ReadOnlySpan<char> lexeme) =>
        lexeme.Length >= 2
        && lexeme[1] < 128
        && (AsciiClasses[lexeme[1]] & KeywordStart) != 0
        && AllHave(lexeme[2..], KeywordPart);

    private static bool AllHave(ReadOnlySpan<char> chars, byte cls)
    {
        foreach (var c in chars)
        {
            if (c >= 128 || (AsciiClasses[c] & cls) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>The char at <paramref name="index"/>, or the surrogate pair starting there.</summary>
    private static ReadOnlySpan<char> CodePointAt(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1])
            ? s.AsSpan(index, 2)
            : s.AsSpan(index, 1);

    /// <summary>
    /// Offending source text for a message: at most <see cref="MaxQuotedChars"/> chars (then <c>…</c>), with control,
    /// format, non-space whitespace and unpaired surrogate chars shown as <c>U+XXXX</c> so a message stays one line.
    /// </summary>
    private static string Quote(ReadOnlySpan<char> chars)
    {
        var sb = new StringBuilder(Math.Min(chars.Length, MaxQuotedChars) + 8);
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == MaxQuotedChars)
            {
                sb.Append('…');
                break;
            }

            var c = chars[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
            if (paired)
            {
                sb.Append(c).Append(chars[++i]);
            }
            else if (char.IsControl(c)
                     || char.IsSurrogate(c)
                     || (c != ' ' && char.IsWhiteSpace(c))
                     || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                sb.Append("U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private DslException Error(string code, int atLine, int atColumn, string message) =>
        new(code, fileName, atLine, atColumn, message);

    private static byte[] BuildAsciiClasses()
    {
        var classes = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            byte cls = 0;
            if (char.IsWhiteSpace(ch) || ",;()[]{}\"".Contains(ch, StringComparison.Ordinal))
            {
                cls |= WhiteOrDelimiter;
            }

            var letter = char.IsAsciiLetter(ch) || ch == '_';
            if (letter || "<>=!?+*/-".Contains(ch, StringComparison.Ordinal))
            {
                cls |= SymbolStart | SymbolPart;
            }

            if (char.IsAsciiDigit(ch))
            {
                cls |= SymbolPart | KeywordPart;
            }

            if (letter)
            {
                cls |= KeywordStart | KeywordPart;
            }

            if (ch == '-')
            {
                cls |= KeywordPart;
            }

            classes[c] = cls;
        }

        return classes;
    }
}
