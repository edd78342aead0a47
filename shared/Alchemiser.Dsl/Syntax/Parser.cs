using System.Globalization;
using System.Runtime.CompilerServices;

namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// Parses strategy source into its single top-level form (DSL.md §2). Iterative: open brackets live on an explicit
/// stack and finished children on one shared buffer, so time is linear in the input and any depth up to
/// <see cref="ParserOptions.MaxDepth"/> costs no call stack. Structural errors are DSL106 (positions and messages
/// of the §2 table), too deep DSL107, too large DSL108; lexical errors come from <see cref="Lexer"/>.
/// </summary>
public static class Parser
{
    /// <summary>
    /// Parses <paramref name="text"/> and returns its one top-level form, of any node kind (the binder checks that
    /// it is a <c>defsymphony</c> call). <paramref name="fileName"/> is the name errors are reported under.
    /// </summary>
    /// <exception cref="DslException">DSL101–DSL108 at the position DSL.md §1–§2 give.</exception>
    public static Node Parse(string text, string fileName, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ParserOptions.Default;
        if (text.Length > options.MaxInputChars)
        {
            throw new DslException(DslErrorCodes.TooLarge, fileName, 1, 1, "input too large");
        }

        return new Builder(text, fileName, options.MaxDepth).Run();
    }

    /// <summary>One open bracket: where it stands, where its children start in the buffer, a call's head.</summary>
    private struct Frame
    {
        public TokenKind Opener;
        public int Line;
        public int Column;
        public int Offset;
        public int FirstItem;
        public SymbolNode? Head;

        /// <summary>A map's keys once it has more than a few, so duplicate detection stays linear.</summary>
        public HashSet<string>? Keys;
    }

    /// <summary>The state of one parse.</summary>
    private sealed class Builder(string text, string fileName, int maxDepth)
    {
        // Maps with up to this many keys are checked for duplicates by scanning; larger ones get a set.
        private const int KeysScannedLinearly = 8;

        private readonly Lexer lexer = new(text, fileName);
        private Frame[] frames = new Frame[64];
        private int depth;
        private Node[] items = new Node[256];
        private int itemCount;
        private Node? result;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node Run()
        {
            while (true)
            {
                var token = lexer.Next();
                switch (token.Kind)
                {
                    case TokenKind.EndOfInput:
                        if (depth > 0)
                        {
                            ref var open = ref frames[depth - 1];
                            throw Structure(open.Line, open.Column, $"'{Char(open.Opener)}' is never closed");
                        }

                        return result ?? throw Structure(1, 1, "expected a form, found end of input");

                    case TokenKind.OpenParen or TokenKind.OpenBracket or TokenKind.OpenBrace:
                        BeginForm(token);
                        Open(token);
                        break;

                    case TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace:
                        AddToParent(Close(token));
                        break;

                    default:
                        BeginForm(token);
                        AddToParent(Atom(token));
                        break;
                }
            }
        }

        /// <summary>Checks that a form may start here: only one top-level form, calls need a head, maps keywords.</summary>
        private void BeginForm(in Token token)
        {
            if (depth == 0)
            {
                if (result is not null)
                {
                    throw Structure(token, "unexpected form after the top-level form");
                }

                return;
            }

            ref var parent = ref frames[depth - 1];
            if (parent.Opener == TokenKind.OpenParen)
            {
                if (parent.Head is null && token.Kind != TokenKind.Symbol)
                {
                    throw Structure(token, "expected a function name after '('");
                }
            }
            else if (parent.Opener == TokenKind.OpenBrace && ((itemCount - parent.FirstItem) & 1) == 0)
            {
                if (token.Kind != TokenKind.Keyword)
                {
                    throw Structure(token, "map key must be a keyword");
                }

                CheckNewKey(ref parent, token);
            }
        }

        private void CheckNewKey(ref Frame map, in Token key)
        {
            var name = key.Text!;
            if (map.Keys is not null)
            {
                if (!map.Keys.Add(name))
                {
                    throw Structure(key, "duplicate key :" + name);
                }

                return;
            }

            var keyCount = (itemCount - map.FirstItem) / 2;
            for (var i = map.FirstItem; i < itemCount; i += 2)
            {
                if (string.Equals(((KeywordNode)items[i]).Name, name, StringComparison.Ordinal))
                {
                    throw Structure(key, "duplicate key :" + name);
                }
            }

            if (keyCount + 1 > KeysScannedLinearly)
            {
                map.Keys = new HashSet<string>(StringComparer.Ordinal) { name };
                for (var i = map.FirstItem; i < itemCount; i += 2)
                {
                    map.Keys.Add(((KeywordNode)items[i]).Name);
                }
            }
        }

        private void Open(in Token token)
        {
            if (depth == maxDepth)
            {
                throw new DslException(
                    DslErrorCodes.TooDeep,
                    fileName,
                    token.Line,
                    token.Column,
                    string.Create(CultureInfo.InvariantCulture, $"nesting deeper than {maxDepth}"));
            }

            if (depth == frames.Length)
            {
                Array.Resize(ref frames, Math.Min(frames.Length * 2, maxDepth));
            }

            frames[depth++] = new Frame
            {
                Opener = token.Kind,
                Line = token.Line,
                Column = token.Column,
                Offset = token.Offset,
                FirstItem = itemCount,
            };
        }

        private Node Close(in Token closer)
        {
            if (depth == 0)
            {
                throw Structure(closer, $"unexpected '{Char(closer.Kind)}'");
            }

            ref var open = ref frames[depth - 1];
            var expected = CloserOf(open.Opener);
            if (closer.Kind != expected)
            {
                throw Structure(
                    closer,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"expected '{Char(expected)}' to close '{Char(open.Opener)}' at {open.Line}:{open.Column}, found '{Char(closer.Kind)}'"));
            }

            var span = new SourceSpan(open.Line, open.Column, open.Offset, closer.Offset + 1 - open.Offset);
            var count = itemCount - open.FirstItem;
            Node node;
            switch (open.Opener)
            {
                case TokenKind.OpenParen:
                    var head = open.Head ?? throw Structure(closer, "expected a function name after '('");
                    node = new CallNode(span, head, TakeItems(open.FirstItem, count));
                    break;
                case TokenKind.OpenBracket:
                    node = new VectorNode(span, TakeItems(open.FirstItem, count));
                    break;
                default:
                    if ((count & 1) != 0)
                    {
                        throw Structure(open.Line, open.Column, "map literal needs an even number of forms");
                    }

                    node = new MapNode(span, TakeEntries(open.FirstItem, count));
                    break;
            }

            itemCount = open.FirstItem;
            open = default;
            depth--;
            return node;
        }

        private void AddToParent(Node node)
        {
            if (depth == 0)
            {
                result = node;
                return;
            }

            ref var parent = ref frames[depth - 1];
            if (parent.Opener == TokenKind.OpenParen && parent.Head is null)
            {
                parent.Head = (SymbolNode)node;
                return;
            }

            if (itemCount == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[itemCount++] = node;
        }

        private Node[] TakeItems(int first, int count)
        {
            if (count == 0)
            {
                return [];
            }

            var taken = new Node[count];
            Array.Copy(items, first, taken, 0, count);
            return taken;
        }

        private MapEntry[] TakeEntries(int first, int count)
        {
            if (count == 0)
            {
                return [];
            }

            var entries = new MapEntry[count / 2];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new MapEntry((KeywordNode)items[first + (2 * i)], items[first + (2 * i) + 1]);
            }

            return entries;
        }

        private static Node Atom(in Token token)
        {
            var span = token.Span;
            return token.Kind switch
            {
                TokenKind.Integer or TokenKind.Float => new NumberNode(span, token.Number, token.Text!),
                TokenKind.String => new StringNode(span, token.Text!),
                TokenKind.Keyword => new KeywordNode(span, token.Text!),
                TokenKind.True => new BoolNode(span, true),
                TokenKind.False => new BoolNode(span, false),
                TokenKind.Nil => new NilNode(span),
                TokenKind.Symbol => new SymbolNode(span, token.Text!),
                _ => throw new InvalidOperationException("not an atom: " + token.Kind),
            };
        }

        private static TokenKind CloserOf(TokenKind opener) => opener switch
        {
            TokenKind.OpenParen => TokenKind.CloseParen,
            TokenKind.OpenBracket => TokenKind.CloseBracket,
            _ => TokenKind.CloseBrace,
        };

        private static char Char(TokenKind bracket) => bracket switch
        {
            TokenKind.OpenParen => '(',
            TokenKind.CloseParen => ')',
            TokenKind.OpenBracket => '[',
            TokenKind.CloseBracket => ']',
            TokenKind.OpenBrace => '{',
            _ => '}',
        };

        private DslException Structure(in Token at, string message) => Structure(at.Line, at.Column, message);

        private DslException Structure(int line, int column, string message) =>
            new(DslErrorCodes.Structure, fileName, line, column, message);
    }
}
