using NetGen.CodeFixes;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>The fixes of NG0110 and NG0111: each clears its warning by the analyzer's own rules (the fix is offered only then).</summary>
public class RecurrentCodeFixTests
{
    [Fact]
    public Task NG0110_lstm_gets_chrono_initialization_instead_of_its_forget_bias() => CodeFixVerifier.VerifyAsync<RecurrentHorizonCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 2, Steps = 100)]
        [{|NG0110:LSTM(64, ForgetBias = 1)|}]
        [Dense(1)]
        public partial class Adding;
        """, """
        using NetGen;

        [Network(Inputs = 2, Steps = 100)]
        [LSTM(64, ChronoMaxDependency = 100)]
        [Dense(1)]
        public partial class Adding;
        """);

    [Fact]
    public Task NG0110_simple_rnn_becomes_a_chrono_lstm_keeping_its_sequences() => CodeFixVerifier.VerifyAsync<RecurrentHorizonCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 8, Steps = 50, Loss = Loss.SoftmaxCrossEntropy)]
        [{|NG0110:SimpleRNN(32, Activation.Tanh, ReturnSequences = true)|}]
        [Dense(9)]
        public partial class Copy;
        """, """
        using NetGen;

        [Network(Inputs = 8, Steps = 50, Loss = Loss.SoftmaxCrossEntropy)]
        [LSTM(32, ChronoMaxDependency = 50, ReturnSequences = true)]
        [Dense(9)]
        public partial class Copy;
        """);

    [Fact]
    public Task NG0111_recurrent_weights_become_orthogonal_of_gain_one() => CodeFixVerifier.VerifyAsync<RecurrentHorizonCodeFixProvider>("""
        using NetGen;

        [Network(Inputs = 4, Steps = 8)]
        [{|NG0111:SimpleRNN(32, RecurrentInit = Init.Orthogonal, RecurrentInitGain = 1.5, Init = Init.Normal, InitStandardDeviation = 1e-9)|}]
        [Dense(1)]
        public partial class Model;
        """, """
        using NetGen;

        [Network(Inputs = 4, Steps = 8)]
        [SimpleRNN(32, RecurrentInit = Init.Orthogonal, Init = Init.Normal, InitStandardDeviation = 1e-9)]
        [Dense(1)]
        public partial class Model;
        """);
}
