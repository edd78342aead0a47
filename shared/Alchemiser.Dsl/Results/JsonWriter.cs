using System.Globalization;
using System.Text;

namespace Alchemiser.Dsl.Results;

/// <summary>
/// The byte-exact JSON dialect of DSL.md §9: 2-space indentation, <c>\n</c> line ends, <c>": "</c> after names,
/// <c>{}</c>/<c>[]</c> when empty, doubles in shortest round-trip form, decimals without exponent or trailing
/// zeros, strings escaping only <c>"</c>, <c>\</c> and control characters. Culture-independent. The compact
/// form (one line, <c>:</c> and <c>,</c> without spaces) is the same values for JSON Lines.
/// </summary>
public sealed class JsonWriter(bool indented = true)
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        BeginValue();
        AppendString(name);
        _sb.Append(indented ? ": " : ":");
        _afterName = true;
    }

    public void String(string? value)
    {
        BeginValue();
        if (value is null)
        {
            _sb.Append("null");
        }
        else
        {
            AppendString(value);
        }
    }

    public void Number(double? value)
    {
        BeginValue();
        _sb.Append(value is { } v ? FormatDouble(v) : "null");
    }

    public void Number(decimal? value)
    {
        BeginValue();
        _sb.Append(value is { } v ? FormatDecimal(v) : "null");
    }

    public void Number(int? value)
    {
        BeginValue();
        _sb.Append(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null");
    }

    public void Bool(bool value)
    {
        BeginValue();
        _sb.Append(value ? "true" : "false");
    }

    public void Null()
    {
        BeginValue();
        _sb.Append("null");
    }

    /// <summary>The document with its final newline; call after the outermost value is closed.</summary>
    public string ToDocument() => _sb.ToString() + "\n";

    /// <summary>The text written so far, without a final newline.</summary>
    public override string ToString() => _sb.ToString();

    /// <summary>Shortest round-trip text; <c>-0</c> as <c>0</c>; non-finite values (never produced) as <c>null</c>.</summary>
    public static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            return "null";
        }

        return value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A decimal without exponent or trailing zeros: <c>0.4</c>, <c>1</c>.</summary>
    public static string FormatDecimal(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    private void Open(char bracket)
    {
        BeginValue();
        _sb.Append(bracket);
        _hasItems.Push(false);
    }

    private void Close(char bracket)
    {
        var hadItems = _hasItems.Pop();
        if (hadItems)
        {
            NewLine();
        }

        _sb.Append(bracket);
    }

    private void BeginValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count == 0)
        {
            return;
        }

        if (_hasItems.Peek())
        {
            _sb.Append(',');
        }
        else
        {
            _hasItems.Pop();
            _hasItems.Push(true);
        }

        NewLine();
    }

    private void NewLine()
    {
        if (!indented)
        {
            return;
        }

        _sb.Append('\n');
        _sb.Append(' ', 2 * _hasItems.Count);
    }

    private void AppendString(string value)
    {
        _sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _sb.Append(c);
                    }

                    break;
            }
        }

        _sb.Append('"');
    }
}
