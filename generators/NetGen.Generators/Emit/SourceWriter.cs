using System;
using System.CodeDom.Compiler;
using System.IO;

namespace NetGen.Generators.Emit;

/// <summary>Writes indented C# with <c>\n</c> line ends, whatever the machine, so that generated files are identical everywhere.</summary>
internal sealed class SourceWriter
{
    private readonly StringWriter _text = new() { NewLine = "\n" };
    private readonly IndentedTextWriter _writer;

    public SourceWriter() => _writer = new IndentedTextWriter(_text, "    ") { NewLine = "\n" };

    public void Line(string line = "")
    {
        if (line.Length == 0)
        {
            _writer.WriteLineNoTabs(string.Empty);
        }
        else
        {
            _writer.WriteLine(line);
        }
    }

    /// <summary>Writes <paramref name="header"/>, then an indented block in braces; dispose the result to close it with <paramref name="close"/>.</summary>
    public IDisposable Block(string header, string close = "}")
    {
        Line(header);
        Line("{");
        _writer.Indent++;
        return new BlockCloser(this, close);
    }

    public override string ToString() => _text.ToString();

    private sealed class BlockCloser : IDisposable
    {
        private readonly SourceWriter _owner;
        private readonly string _close;

        public BlockCloser(SourceWriter owner, string close)
        {
            _owner = owner;
            _close = close;
        }

        public void Dispose()
        {
            _owner._writer.Indent--;
            _owner.Line(_close);
        }
    }
}
