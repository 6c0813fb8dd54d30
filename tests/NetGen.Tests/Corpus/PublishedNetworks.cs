namespace NetGen.Tests.Corpus;

/// <summary>What a source says is wrong with a network, in its own words (never chosen from what NetGen says).</summary>
public enum PublishedVerdict
{
    /// <summary>The gradient shrinks toward the first layers (or the source says the first layers do not learn for that reason).</summary>
    Vanishing,

    /// <summary>The gradient grows toward the first layers.</summary>
    Exploding,

    /// <summary>ReLU units (or the whole network) are dead: they output 0 for every input.</summary>
    DyingReLU,

    /// <summary>The network trains; the source reports nothing wrong with its gradients.</summary>
    Healthy,

    /// <summary>Something is wrong, but the source says it is not a gradient problem (degradation, overfitting, a learning rate, a loss).</summary>
    NotAGradientProblem,
}

/// <summary>Where an entry comes from.</summary>
public enum SourceKind
{
    /// <summary>A paper's table, figure or section.</summary>
    Paper,

    /// <summary>A textbook chapter or course notes.</summary>
    Book,

    /// <summary>A published tool's model set and its recorded diagnosis (AutoTrainer, DeepDiagnosis).</summary>
    ToolArtifact,

    /// <summary>A tutorial or question-and-answer thread with its code and output.</summary>
    Tutorial,
}

/// <summary>
/// One published network: its declaration is the file <c>Corpus/Networks/{Id}.cs</c> (a class named <see cref="Id"/>),
/// which NetGen.Tests compiles and measures and NetGen.Generators.Tests analyzes.
/// </summary>
/// <param name="Id">The declared class's name.</param>
/// <param name="Kind">The kind of source.</param>
/// <param name="Source">The source and the place in it (section, figure, file, address).</param>
/// <param name="Quote">The source's words behind the verdict; text not marked "paraphrase:" is quoted verbatim.</param>
/// <param name="Verdict">The published verdict.</param>
/// <param name="Problem">For <see cref="PublishedVerdict.NotAGradientProblem"/>: which problem.</param>
/// <param name="NotRunnableBecause">Why the network is not measured here, or null when it is.</param>
/// <param name="IndependentOutputError">
/// Whether the source's experiment propagates a vector that does not depend on the weights (a product of matrices, no
/// loss): measured with targets so large that the output error is independent of the outputs, as the model takes it.
/// </param>
public sealed record PublishedNetwork(
    string Id, SourceKind Kind, string Source, string Quote, PublishedVerdict Verdict, string? Problem = null, string? NotRunnableBecause = null,
    bool IndependentOutputError = false)
{
    /// <summary>Whether the network is small enough to construct and measure at initialization in a test.</summary>
    public bool Runnable => NotRunnableBecause is null;
}

/// <summary>
/// The labelled corpus of published networks. An entry is in it when its source states a verdict about a network it
/// describes fully enough to declare (layers, widths, activations, initializers): the verdict comes from the source's
/// words, the declaration from its description, each simplification said in the declaration's comment.
/// </summary>
public static class PublishedNetworks
{
    private const string Large = "too large for the test's time budget (millions of parameters in every one of dozens of layers)";
    private const string AllNormalized = "every hidden dense layer feeds a batch normalization, which makes its bias gradient exactly 0: nothing to compare";

    private const string Cs231n = "CS231n (Stanford, Li, Karpathy & Johnson), lecture 5 of 20 Jan 2016 (lecture 6 in later years), slides 56-62: "
        + "\"10-layer net with 500 neurons on each layer\", activation statistics by initialization";
    private const string NielsenCh5 = "Nielsen, Neural Networks and Deep Learning, ch. 5 \"Why are deep neural networks hard to train?\", "
        + "section \"The vanishing gradient problem\" (neuralnetworksanddeeplearning.com/chap5.html)";
    private const string Glorot = "Glorot & Bengio 2010, \"Understanding the difficulty of training deep feedforward neural networks\" (AISTATS)";
    private const string He2015 = "He, Zhang, Ren & Sun 2015, \"Delving Deep into Rectifiers\" (arXiv 1502.01852), section 2.3 \"Comparisons with Xavier\"";
    private const string ResNet = "He, Zhang, Ren & Sun 2016, \"Deep Residual Learning for Image Recognition\" (CVPR), section 4.1 and Table 2";
    private const string Yang = "Yang, Pennington, Rao, Sohl-Dickstein & Schoenholz 2019, \"A Mean Field Theory of Batch Normalization\" (ICLR), abstract";
    private const string Fixup = "Zhang, Dauphin & Ma 2019, \"Fixup Initialization: Residual Learning Without Normalization\" (ICLR)";
    private const string Schoenholz = "Schoenholz, Gilmer, Ganguli & Sohl-Dickstein 2017, \"Deep Information Propagation\" (ICLR), section 3";
    private const string DeepDiagnosis = "DeepDiagnosis (Wardat, Cruz & Rajan, ICSE 2022) artifact github.com/DeepDiagnosis/ICSE2022: AutoTrainer's model ";

    /// <summary>Every entry, in a fixed order.</summary>
    public static IReadOnlyList<PublishedNetwork> All { get; } =
    [
        // CS231n's initialization demo.
        new("Cs231nTanhSmallWeights", SourceKind.Book, Cs231n + ", W = 0.01 * randn",
            "activations collapse to zero, then \"Q. think about the backward pass. What do the gradients look like? Hint: think about backward pass for a W*X gate.\" (paraphrase: the gradients on W are as small as X)",
            PublishedVerdict.Vanishing),
        new("Cs231nTanhUnitGaussian", SourceKind.Book, Cs231n + ", W = 1.0 * randn",
            "\"Almost all neurons completely saturated, either -1 and 1. Gradients will be all zero.\"", PublishedVerdict.Vanishing),
        new("Cs231nTanhXavier", SourceKind.Book, Cs231n + ", W = randn / sqrt(fan_in)",
            "\"Reasonable initialization.\"", PublishedVerdict.Healthy),
        new("Cs231nReLUXavier", SourceKind.Book, Cs231n + ", W = randn / sqrt(fan_in) with ReLU",
            "\"but when using the ReLU nonlinearity it breaks.\" (paraphrase: the slide's histograms collapse to zero layer after layer)",
            PublishedVerdict.Vanishing),
        new("Cs231nReLUHe", SourceKind.Book, Cs231n + ", W = randn / sqrt(fan_in / 2) with ReLU",
            "paraphrase: \"He et al., 2015 (note additional /2)\"; the slide's histograms keep their spread in every layer", PublishedVerdict.Healthy),

        // Nielsen.
        new("NielsenCh5ThreeHidden", SourceKind.Book, NielsenCh5 + ", [784, 30, 30, 30, 10]",
            "speeds of learning 0.012, 0.060 and 0.283: \"early hidden layers learn much more slowly than later hidden layers\"", PublishedVerdict.Vanishing),
        new("NielsenCh5FourHidden", SourceKind.Book, NielsenCh5 + ", [784, 30, 30, 30, 30, 10]",
            "paraphrase: speeds of learning 0.003, 0.017, 0.070 and 0.285, the first hidden layer about 100 times slower than the last; \"early hidden layers learn much more slowly than later hidden layers\"",
            PublishedVerdict.Vanishing),
        new("NielsenCh1Baseline", SourceKind.Book, "Nielsen, ch. 1, \"Implementing our network to classify digits\", network.py [784, 30, 10]",
            "\"the trained network gives us a classification rate of about 95 percent - 95.42 percent at its peak (\"Epoch 28\")!\"", PublishedVerdict.Healthy),
        new("NielsenCh3Overfitting", SourceKind.Book, "Nielsen, ch. 3, \"Overfitting and regularization\", [784, 30, 10] on 1,000 training images",
            "\"We say the network is overfitting or overtraining beyond epoch 280.\"", PublishedVerdict.NotAGradientProblem, "overfitting"),
        new("NielsenCh3LearningRateTooHigh", SourceKind.Book, "Nielsen, ch. 3, \"How to choose a neural network's hyper-parameters?\", [784, 30, 10] with η = 2.5",
            "\"with η = 2.5 the cost makes large oscillations right from the start\"", PublishedVerdict.NotAGradientProblem, "oscillating loss: too high a learning rate"),
        new("NielsenCh3SaturatedOutputNeuron", SourceKind.Book, "Nielsen, ch. 3, \"The cross-entropy cost function\": one sigmoid neuron, weight 2, bias 2, quadratic cost",
            "paraphrase: the neuron starts learning much more slowly, the learning slowdown caused by σ'(z) in the quadratic cost's gradient; the cross-entropy cost removes it",
            PublishedVerdict.NotAGradientProblem, "learning slowdown of a saturated output neuron under the quadratic cost",
            "a single layer: its gradient is the reference, there is no ratio to measure"),

        // Glorot & Bengio 2010.
        new("GlorotSigmoidStandardInit", SourceKind.Paper, Glorot + ", abstract and section 3.1 (sigmoid, standard initialization)",
            "\"the logistic sigmoid activation is unsuited for deep networks with random initialization because of its mean value, which can drive especially the top hidden layer into saturation\"",
            PublishedVerdict.Vanishing),
        new("GlorotTanhStandardInit", SourceKind.Paper, Glorot + ", section 4.2 and Fig. 7 (tanh, standard initialization)",
            "\"Bradley (2009) found that back-propagated gradients were smaller as one moves from the output layer towards the input layer, just after initialization\" (paraphrase: Fig. 7 shows the same with tanh and the standard initialization, not with the normalized one)",
            PublishedVerdict.Vanishing),
        new("GlorotTanhNormalizedInit", SourceKind.Paper, Glorot + ", abstract and section 4.2 (tanh, normalized initialization)",
            "\"we propose a new initialization scheme that brings substantially faster convergence\"", PublishedVerdict.Healthy),

        // He et al. 2015.
        new("HePReLU22LayerXavier", SourceKind.Paper, He2015 + ", Fig. 2 (22-layer model B of Table 3, ReLU, \"Xavier\")",
            "\"Both our initialization (red) and \"Xavier\" (blue) lead to convergence, but ours starts reducing error earlier.\"", PublishedVerdict.Healthy,
            NotRunnableBecause: Large),
        new("HePReLU22LayerHe", SourceKind.Paper, He2015 + ", Fig. 2 (22-layer model B of Table 3, ReLU, theirs)",
            "\"Both our initialization (red) and \"Xavier\" (blue) lead to convergence, but ours starts reducing error earlier.\"", PublishedVerdict.Healthy,
            NotRunnableBecause: Large),
        new("HePReLU30LayerXavier", SourceKind.Paper, He2015 + ", Fig. 3 (30-layer model, ReLU, \"Xavier\")",
            "\"Xavier\" \"completely stalls the learning, and the gradients are diminishing as monitored in the experiments\"", PublishedVerdict.Vanishing,
            NotRunnableBecause: Large),
        new("HePReLU30LayerHe", SourceKind.Paper, He2015 + ", Fig. 3 (30-layer model, ReLU, theirs)",
            "paraphrase: their initialization makes the 30-layer model converge where \"Xavier\" stalls", PublishedVerdict.Healthy,
            NotRunnableBecause: Large),

        // The ResNet paper.
        new("ResNetPlain18", SourceKind.Paper, ResNet + " (plain-18)",
            "\"the deeper 34-layer plain net has higher validation error than the shallower 18-layer plain net\"", PublishedVerdict.Healthy,
            NotRunnableBecause: Large),
        new("ResNetPlain34", SourceKind.Paper, ResNet + " (plain-34)",
            "\"We argue that this optimization difficulty is unlikely to be caused by vanishing gradients. These plain networks are trained with BN, which ensures forward propagated signals to have non-zero variances. We also verify that the backward propagated gradients exhibit healthy norms with BN.\"",
            PublishedVerdict.NotAGradientProblem, "degradation (higher training error than plain-18)", Large),
        new("ResNet34", SourceKind.Paper, ResNet + " (ResNet-34)",
            "\"the 34-layer ResNet is better than the 18-layer ResNet (by 2.8%)\"", PublishedVerdict.Healthy, NotRunnableBecause: Large),

        // Batch normalization without skips.
        new("YangBatchNormReLU50", SourceKind.Paper, Yang + " (ReLU)",
            "\"gradient signals grow exponentially in depth and ... these exploding gradients cannot be eliminated by tuning the initial weight variances or by adjusting the nonlinear activation function. Indeed, batch normalization itself is the cause of gradient explosion.\"",
            PublishedVerdict.Exploding, NotRunnableBecause: AllNormalized),
        new("YangBatchNormTanh50", SourceKind.Paper, Yang + " (tanh)",
            "\"these exploding gradients cannot be eliminated by ... adjusting the nonlinear activation function\"; \"vanilla batch-normalized networks without skip connections are not trainable at large depths\"",
            PublishedVerdict.Exploding, NotRunnableBecause: AllNormalized),

        // Self-normalizing networks, dying ReLU, residual networks without normalization, linear and random-walk nets.
        new("KlambauerSelu32", SourceKind.Paper, "Klambauer, Unterthiner, Mayr & Hochreiter 2017, \"Self-Normalizing Neural Networks\" (NeurIPS), abstract",
            "\"for activations not close to unit variance, we prove an upper and lower bound on the variance, thus, vanishing and exploding gradients are impossible\"",
            PublishedVerdict.Healthy),
        new("LuDyingReLUWidth2Depth10", SourceKind.Paper, "Lu, Shin, Su & Karniadakis 2019, \"Dying ReLU and Initialization: Theory and Numerical Examples\" (arXiv 1903.06733), abstract and section 3",
            "\"we rigorously prove that a deep ReLU network will eventually die in probability as the depth goes to infinite\"; symmetric initializations such as He's \"suffer from the dying ReLU\"",
            PublishedVerdict.DyingReLU),
        new("FixupResidualStandardInit", SourceKind.Paper, Fixup + ", section 2",
            "section 2's title: \"ResNet with standard initializations lead to exploding gradients\"", PublishedVerdict.Exploding),
        new("FixupResidualFixupInit", SourceKind.Paper, Fixup + ", abstract and section 3",
            "\"We find training residual networks with Fixup to be as stable as training with normalization -- even for networks with 10,000 layers.\"",
            PublishedVerdict.Healthy),
        new("SaxeDeepLinearOrthogonal", SourceKind.Paper, "Saxe, McClelland & Ganguli 2013, \"Exact solutions to the nonlinear dynamics of learning in deep linear neural networks\" (arXiv 1312.6120), abstract",
            "\"a special class of initial conditions on the weights, very different from the random Gaussian initializations typical in practice, can lead to depth independent learning times\" (random orthogonal weights)",
            PublishedVerdict.Healthy),
        new("SussilloAbbottReLU200", SourceKind.Paper, "Sussillo & Abbott 2014, \"Random Walk Initialization for Training Very Deep Feedforward Networks\" (arXiv 1412.6558), abstract",
            "\"training very deep feed-forward networks (FFNs) is not as difficult as previously thought\" with the scaling \"that makes this walk unbiased\"",
            PublishedVerdict.Healthy),
        new("SchoenholzTanhOrdered", SourceKind.Paper, Schoenholz + " (σ_w² = 0.5, σ_b² = 0.05)",
            "paraphrase: in the ordered phase the gradients vanish exponentially with depth, and networks deeper than a few depth scales do not train",
            PublishedVerdict.Vanishing, NotRunnableBecause: Large),
        new("SchoenholzTanhChaotic", SourceKind.Paper, Schoenholz + " (σ_w² = 4, σ_b² = 0.05)",
            "paraphrase: in the chaotic phase the gradients explode exponentially with depth", PublishedVerdict.Exploding, NotRunnableBecause: Large),
        new("SchoenholzTanhCritical", SourceKind.Paper, Schoenholz + " (σ_w² = 1, σ_b² = 0)",
            "paraphrase: at the order-to-chaos transition the depth scale diverges and very deep networks train", PublishedVerdict.Healthy,
            NotRunnableBecause: Large),
        new("D2lDeepLinearStandardNormal", SourceKind.Book, "Zhang, Lipton, Li & Smola, Dive into Deep Learning, section \"Numerical Stability and Initialization\", \"Exploding Gradients\"",
            "\"For the scale that we picked (the choice of the variance σ²=1), the matrix product explodes. When this happens due to the initialization of a deep network, we have no chance of getting a gradient descent optimizer to converge.\"",
            PublishedVerdict.Exploding, IndependentOutputError: true),

        // AutoTrainer's model set as DeepDiagnosis ran it.
        new("AutoTrainerBlobSigmoid11", SourceKind.ToolArtifact, DeepDiagnosis + "model_2569b90f (AUTOTRAINER Model Code/Models_Blob.py)",
            Diagnosed("Blob", "Batch 0 layer 4: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerBlobSigmoid12", SourceKind.ToolArtifact, DeepDiagnosis + "model_bd4e58b7 (AUTOTRAINER Model Code/Models_Blob.py)",
            Diagnosed("Blob", "Batch 0 layer 8: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerCircleSigmoid13", SourceKind.ToolArtifact, DeepDiagnosis + "model_dd8c879b (AUTOTRAINER Model Code/Models_Circle.py)",
            Diagnosed("Circle", "Batch 0 layer 4: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerBlobReLUUniform8", SourceKind.ToolArtifact, DeepDiagnosis + "model_384108d9 (AUTOTRAINER Model Code/Models_Blob.py)",
            Diagnosed("Blob", "Batch 0 layer 10: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerBlobReLUUniform9", SourceKind.ToolArtifact, DeepDiagnosis + "model_f7e7b91b (AUTOTRAINER Model Code/Models_Blob.py)",
            Diagnosed("Blob", "Batch 0 layer 14: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerCircleReLUUniform8", SourceKind.ToolArtifact, DeepDiagnosis + "model_10702695 (AUTOTRAINER Model Code/Models_Circle.py)",
            Diagnosed("Circle", "Batch 0 layer 12: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerCircleReLUHe16", SourceKind.ToolArtifact, DeepDiagnosis + "model_8e28bdef (AUTOTRAINER Model Code/Models_Circle.py)",
            Diagnosed("Circle", "Batch 0 layer 16: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),
        new("AutoTrainerCircleReLUHe15", SourceKind.ToolArtifact, DeepDiagnosis + "model_46edb7df (AUTOTRAINER Model Code/Models_Circle.py)",
            Diagnosed("Circle", "Batch 319 layer 29: Dead Node Problem"), PublishedVerdict.DyingReLU),
        new("AutoTrainerMnistLeNetSigmoid", SourceKind.ToolArtifact, DeepDiagnosis + "model_2af630c4 (AUTOTRAINER Model Code/Models_MNIST.py)",
            Diagnosed("MNIST", "Batch 1 layer 7: Vanishing Gradient Problem in delta Weights"), PublishedVerdict.Vanishing),

        // A tutorial with its printed output.
        new("JuebrauerSigmoid20", SourceKind.Tutorial, "Brauer, \"The Vanishing Gradients Problem\" notebook, github.com/juebrauer/code_jb: a 20-layer sigmoid nn.Sequential with PyTorch defaults",
            "\"nn.Sigmoid()  # <- prone to vanishing gradients\"; printed \"Layer 1: mean |grad| = 0.0000000000\" ... \"Layer 20: mean |grad| = 0.0079036895\"",
            PublishedVerdict.Vanishing),
    ];

    private static string Diagnosed(string dataset, string message) =>
        $"DeepDiagnosis' recorded diagnosis (DeepDiagnosis Result/{dataset}_Result.txt): \"{message}\"";
}
