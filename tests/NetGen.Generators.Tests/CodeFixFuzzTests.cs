using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetGen.CodeFixes;
using NetGen.Generators.Analyzers;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Random declarations that the gradient rules flag, in the shapes people write them (attributes alone or shared in one
/// list, named or positional activations, blocks, normalization): every code fix offered for every diagnostic applies
/// without throwing and leaves code that parses.
/// </summary>
public class CodeFixFuzzTests
{
    private const int Cases = 60;

    private static readonly CodeFixProvider[] Fixes =
        [new VanishingGradientCodeFixProvider(), new InitializerCodeFixProvider(), new SigmoidOutputLossCodeFixProvider()];

    [Fact]
    public async Task Every_offered_fix_applies_and_leaves_code_that_parses()
    {
        var applied = new HashSet<string>();
        int actions = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            actions += await ApplyEveryFix(RandomDeclaration(new Random(seed)), applied);
        }
        // The corpus really exercises the fixes: many actions, for every fixable rule.
        Assert.True(actions >= 50, $"only {actions} fixes were applied");
        Assert.Equal(["NG0101", "NG0103", "NG0107"], applied.Order(StringComparer.Ordinal));
    }

    private static async Task<int> ApplyEveryFix(string source, HashSet<string> applied)
    {
        int count = 0;
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithParseOptions(Compilations.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(Compilations.References)
            .AddDocument("Test.cs", SourceText.From(source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new GradientHealthAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        foreach (Diagnostic diagnostic in diagnostics)
        {
            Assert.NotEqual("AD0001", diagnostic.Id);
            foreach (CodeFixProvider fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (CodeAction action in actions)
                {
                    count++;
                    applied.Add(diagnostic.Id);
                    Solution changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
                    SyntaxTree tree = (await changed.GetDocument(document.Id)!.GetSyntaxTreeAsync())!;
                    Assert.True(!tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error),
                        $"'{action.Title}' for {diagnostic.Id} left code that does not parse:\n{tree}\nfrom:\n{source}");
                }
            }
        }
        return count;
    }

    private static readonly string[] Activations = ["Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "SELU", "Identity"];
    private static readonly string[] Inits = ["GlorotUniform", "HeNormal", "LeCunNormal", "LegacyUniform", "StandardNormal", "Zeros"];

    private static string RandomDeclaration(Random random)
    {
        var text = new StringBuilder("using NetGen;\n\n");
        string loss = random.Next(4) == 0 ? "Loss.MeanSquaredError" : "Loss.SoftmaxCrossEntropy";
        text.Append($"[Network(Inputs = {random.Next(8, 100)}, Loss = {loss})]\n");
        int layers = random.Next(2, 7);
        var pending = new List<string>();
        for (int i = 0; i < layers; i++)
        {
            string activation = Activations[random.Next(Activations.Length)];
            string arguments = random.Next(3) == 0 ? $"activation: Activation.{activation}" : $"Activation.{activation}";
            string init = random.Next(2) == 0 ? $", Init = Init.{Inits[random.Next(Inits.Length)]}" : "";
            string repeat = random.Next(2) == 0 ? $", Repeat = {random.Next(2, 10)}" : "";
            string dense = $"Dense({random.Next(4, 64)}, {arguments}{init}{repeat})";
            if (random.Next(6) == 0)
            {
                pending.Add("Residual"); pending.Add(dense); pending.Add("BatchNorm"); pending.Add("EndResidual");
            }
            else
            {
                pending.Add(dense);
            }
        }
        string output = loss == "Loss.MeanSquaredError" && random.Next(2) == 0 ? "Dense(3, Activation.Sigmoid)" : "Dense(3)";
        pending.Add(output);
        // Some attributes share one list, as people write [Dense(4), Dense(2)].
        for (int i = 0; i < pending.Count; i++)
        {
            if (i + 1 < pending.Count && random.Next(4) == 0)
            {
                text.Append($"[{pending[i]}, {pending[i + 1]}]\n");
                i++;
            }
            else
            {
                text.Append($"[{pending[i]}]\n");
            }
        }
        text.Append("public partial class Model;\n");
        return text.ToString();
    }
}
