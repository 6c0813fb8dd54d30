using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>The declaration rules of sequences and recurrent layers, each reported on the attribute or argument at fault.</summary>
public class RecurrentDeclarationTests
{
    [Fact]
    public Task Valid_recurrent_declarations_report_nothing() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 3, Steps = 10, Loss = Loss.SoftmaxCrossEntropy)]
        [SimpleRNN(8, Activation.ReLU, ReturnSequences = true, RecurrentInit = Init.Identity)]
        [GRU(8, ReturnSequences = true, Defaults = RecurrentDefaults.PyTorch)]
        [Dropout(0.2)]
        [LSTM(4, ForgetBias = 2, Init = Init.HiddenSizeUniform)]
        [BatchNorm]
        [Dense(3)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0029_a_recurrent_layer_on_a_vector() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 28)]
        [{|#0:LSTM(64)|}]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "LSTM layer 1 takes a sequence, but its input (the network's input) is a vector of 28 values; declare Steps on [Network], or set ReturnSequences = true on the recurrent layer before it"));

    [Fact]
    public Task NG0029_a_normalization_on_a_sequence() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 5, Steps = 7)]
        [GRU(6, ReturnSequences = true)]
        [{|#0:LayerNorm|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "LayerNorm 1 takes a vector, but its input (layer 1's output) is a sequence of 7 steps of 6 features; put it after a recurrent layer that returns its last state (ReturnSequences = false)"));

    [Fact]
    public Task Recurrent_arguments_out_of_range() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2, {|#0:Steps = 0|})]
        [SimpleRNN({|#1:0|}, {|#2:Activation.Sigmoid|})]
        [LSTM(4, {|#3:ChronoMaxDependency = 2|})]
        [GRU(4, UseBias = false, {|#4:BiasInit = Init.Uniform|})]
        [Dense(1, {|#5:Init = Init.HiddenSizeUniform|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "Steps of network 'Model' must be a positive integer, but it is 0", 0),
        Expected(DiagnosticIds.SizeMustBePositive, "The units of SimpleRNN layer 1 must be a positive integer, but it is 0", 1),
        Expected(DiagnosticIds.ArgumentOutOfRange, "The activation of SimpleRNN layer 1 is Sigmoid, but it must be Activation.Tanh or Activation.ReLU, the two nonlinearities of PyTorch's nn.RNN", 2),
        Expected(DiagnosticIds.ArgumentOutOfRange, "ChronoMaxDependency of LSTM layer 1 is 2, but it must be at least 3: chrono initialization draws each forget bias as log u, u ~ U[1, T_max − 1] (Tallec & Ollivier 2018); set it to the longest dependency in steps, or remove it", 3),
        Expected(DiagnosticIds.ArgumentIsIgnored, "BiasInit of GRU layer 1 is set, but UseBias is false, so it has no effect; remove it, or set UseBias = true", 4),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Init of Dense layer 1 is HiddenSizeUniform, but it must be a scheme of a dense layer's: HiddenSizeUniform is PyTorch's initialization of recurrent layers (U(±1/√units) with their hidden size), for [SimpleRNN], [LSTM] and [GRU] only; LegacyUniform is nn.Linear's U(±1/√fan_in)", 5));

    [Fact]
    public Task A_forget_bias_beside_chrono_is_ignored() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 2, Steps = 50)]
        [LSTM(4, {|#0:ForgetBias = 1|}, ChronoMaxDependency = 50)]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ArgumentIsIgnored, "ForgetBias of LSTM layer 1 is set, but ChronoMaxDependency sets the forget gate's biases, so it has no effect; remove it, or remove ChronoMaxDependency"));

    private static DiagnosticResult Expected(string id, string message, int location = 0) =>
        new DiagnosticResult(id, id == DiagnosticIds.ArgumentIsIgnored ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
            .WithLocation(location).WithMessage(message);
}
