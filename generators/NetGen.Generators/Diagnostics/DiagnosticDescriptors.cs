using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Diagnostics;

/// <summary>Every NetGen diagnostic descriptor. Each has a page at <c>docs/rules/{id}.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen.Declaration";

    /// <summary>
    /// Where a rule's page is. NetGen has no public web home, so no https link would lead anywhere; the pages ship in the
    /// package (docs/rules/NG0101.md ...), and a help link names the page in the NuGet global packages folder
    /// (~/.nuget/packages by default): netgen/{version}/docs/rules/{id}.md. See README, "Rule pages".
    /// </summary>
    private static readonly string HelpLinkBase = "netgen/" + Emit.GeneratedCode.Version + "/docs/rules/";

    public static readonly DiagnosticDescriptor NetworkMustBePartial = Error(
        DiagnosticIds.NetworkMustBePartial,
        "A network class must be partial",
        "'{0}' is declared as a network but is not partial; declare it 'partial class {0}' so that NetGen can generate its forward and backward passes into it",
        "NetGen adds the generated members to the annotated class, which C# allows only when every declaration of the class is partial.");

    public static readonly DiagnosticDescriptor NetworkMustBeTopLevel = Error(
        DiagnosticIds.NetworkMustBeTopLevel,
        "A network class must not be nested",
        "'{0}' is nested in '{1}'; NetGen generates networks only for top-level classes, so move it out of '{1}'",
        "Nested network classes are not supported: declare the network as a top-level class in a namespace.");

    public static readonly DiagnosticDescriptor NetworkMustNotBeGeneric = Error(
        DiagnosticIds.NetworkMustNotBeGeneric,
        "A network class must not be generic",
        "'{0}' has type parameters; a network's sizes and element type are fixed by its attributes, so declare it without type parameters (choose float or double with [Network(Precision = ...)])",
        "Generated networks bake sizes and element type into the code, so the class cannot be generic.");

    public static readonly DiagnosticDescriptor NetworkMustBePlainClass = Error(
        DiagnosticIds.NetworkMustBePlainClass,
        "A network must be a plain class: not static, abstract, a record, or with a primary constructor",
        "'{0}' is {1}; a network must be a plain class, since it holds parameters and buffers in instance fields",
        "A network holds its parameters in instance fields and gets generated constructors, so it cannot be static, abstract, a record, or have a primary constructor.");

    public static readonly DiagnosticDescriptor NetworkHasNoLayers = Error(
        DiagnosticIds.NetworkHasNoLayers,
        "A network needs at least one dense layer",
        "Network '{0}' declares no [Dense] layer; add at least one [Dense(units, activation)] attribute, the last one being the output layer",
        "The layers of a network are the layer attributes on its class, in order; its output is a dense layer, so a network without one (no layers at all, or only convolutions, poolings or recurrent layers) has no output.");

    public static readonly DiagnosticDescriptor DenseWithoutNetwork = Error(
        DiagnosticIds.DenseWithoutNetwork,
        "[Dense] needs [Network] on the same class",
        "'{0}' has [Dense] layers but no [Network] attribute; add [Network(Inputs = ...)] to declare the inputs and the loss",
        "Layers are only generated for classes marked [Network], which gives the number of inputs and the loss.");

    public static readonly DiagnosticDescriptor SizeMustBePositive = Error(
        DiagnosticIds.SizeMustBePositive,
        "Sizes must be positive",
        "{0} must be a positive integer, but it is {1}",
        "Input counts, unit counts and repeat counts are sizes: they must be 1 or more.");

    public static readonly DiagnosticDescriptor SoftmaxMustBeOutput = Error(
        DiagnosticIds.SoftmaxMustBeOutput,
        "Softmax is allowed only on the output layer",
        "{0} uses Activation.Softmax, but it is a hidden layer ({1}); Softmax is only supported on the last layer, fused with Loss.SoftmaxCrossEntropy: use ReLU, Tanh or another activation here",
        "Softmax couples all units of a layer and is only generated fused with the softmax cross-entropy loss, on the output layer.");

    public static readonly DiagnosticDescriptor LossDoesNotFitOutput = Error(
        DiagnosticIds.LossDoesNotFitOutput,
        "The loss does not fit the output layer",
        "{0}",
        "Each loss expects a particular output layer: SoftmaxCrossEntropy needs at least 2 outputs with Identity (logits) or Softmax; SigmoidCrossEntropy needs Identity (logits); BinaryCrossEntropy needs Sigmoid; Softmax needs SoftmaxCrossEntropy.");

    public static readonly DiagnosticDescriptor ArgumentIsIgnored = new(
        DiagnosticIds.ArgumentIsIgnored,
        "The argument has no effect",
        "{0} is set, but {1}, so it has no effect; remove it, or {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An argument that only applies to one activation or initializer was set on a layer that does not use it; this is usually a mistake.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.ArgumentIsIgnored + ".md");

    public static readonly DiagnosticDescriptor ArgumentOutOfRange = Error(
        DiagnosticIds.ArgumentOutOfRange,
        "The argument is out of range",
        "{0} is {1}, but it must be {2}",
        "Activation parameters and constant initial values must be finite numbers in their valid range.");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        DiagnosticIds.UndefinedEnumValue,
        "The value is not a defined member of its enum",
        "{0} is ({1}){2}, which is not a member of {1}; use one of: {3}",
        "Enum arguments must name one of the enum's members; a cast integer has no meaning for NetGen.");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        DiagnosticIds.NetworkTooLarge,
        "The network is too large",
        "Network '{0}' is too large: {1}; the limit is {2}",
        "A generated network keeps its parameters in one array (at most 2,147,483,647 elements) and one method per layer (at most 1,000 layers, so that generated files stay readable and compile quickly).");

    public static readonly DiagnosticDescriptor ResidualBlockNotClosed = Error(
        DiagnosticIds.ResidualBlockNotClosed,
        "A residual block must be closed",
        "{0} is never closed; add [EndResidual] after the last layer of its branch",
        "[Residual] starts a block whose branch is the layers up to the next [EndResidual], where the skip is added.");

    public static readonly DiagnosticDescriptor EndResidualWithoutResidual = Error(
        DiagnosticIds.EndResidualWithoutResidual,
        "[EndResidual] closes no block",
        "{0} has no [Residual] before it to close; add [Residual] before the first layer of the block's branch, or remove it",
        "[EndResidual] closes the block started by the last open [Residual].");

    public static readonly DiagnosticDescriptor EmptyResidualBlock = Error(
        DiagnosticIds.EmptyResidualBlock,
        "A residual block needs at least one layer",
        "{0} has no layer between [Residual] and [EndResidual]; a block computes x + F(x), so declare F's layers in between",
        "An empty branch would add the input to itself; declare the branch's layers between [Residual] and [EndResidual].");

    public static readonly DiagnosticDescriptor NestedResidualBlock = Error(
        DiagnosticIds.NestedResidualBlock,
        "Residual blocks cannot be nested",
        "{0} starts inside {1}; close {1} with [EndResidual] first (nested blocks are not supported)",
        "A residual block's branch is a plain stack of layers; blocks follow one another but do not nest.");

    public static readonly DiagnosticDescriptor OutputMustBeDense = Error(
        DiagnosticIds.OutputMustBeDense,
        "The output layer must be a Dense layer",
        "{0} is the last layer, but the output layer must be a [Dense] layer, which the loss reads; add one after it, such as [Dense(10)] for 10 logits",
        "The loss reads the last layer, which must be a [Dense] layer; normalization and residual blocks go before it.");

    public static readonly DiagnosticDescriptor ResidualWidthMismatch = Error(
        DiagnosticIds.ResidualWidthMismatch,
        "A residual block without projection must keep its shape",
        "{0} has Projection = false, but its input ({1}, {2}) and its branch's output ({3}, {4}) differ in {5}, so they cannot be added; make the branch end with {2}, or allow the projection",
        "The skip of a residual block is the identity only when the branch keeps the width of its input (over images: its channels, height and width); otherwise a learned projection is needed (a matrix, or over images a strided 1x1 convolution), which Projection = false forbids.");

    public static readonly DiagnosticDescriptor LayerDoesNotTakeItsInput = Error(
        DiagnosticIds.LayerDoesNotTakeItsInput,
        "A layer must get the kind of input it takes",
        "{0} takes {1}, but its input ({2}) is {3}; {4}",
        "Recurrent layers read a sequence (steps x features): the network's input when [Network] declares Steps, or a recurrent layer with ReturnSequences = true. Convolutions and poolings read an image (channels x height x width): the network's input when [Network] declares Height and Width, or another convolution or pooling. Dense layers take a vector or a sequence, applying to every step; Dropout takes anything; Flatten an image or a sequence; BatchNorm a vector or an image (per channel); a residual block a vector, or an image of its branch's shape or of one a strided 1x1 convolution (its skip's projection) takes to it. The other layers take a vector: put them after a recurrent layer that returns its last state, or after [Flatten] or [GlobalAveragePool].");

    public static readonly DiagnosticDescriptor InputShapeConflict = Error(
        DiagnosticIds.InputShapeConflict,
        "A network's input is one vector, one sequence or one image",
        "{0} of network '{1}' cannot be combined with {2}: {3}",
        "[Network] declares a vector input (Inputs), a sequence (Inputs and Steps) or an image (Channels, Height and Width); the arguments of two of these cannot be mixed.");

    public static readonly DiagnosticDescriptor ImageTooSmall = Error(
        DiagnosticIds.ImageTooSmall,
        "A convolution or pooling needs an input at least as large as its window",
        "{0} ({1}) needs at least {2} input but {3} gives {4}; {5}",
        "A convolution's dilated kernel, or a pooling's window, must fit in its padded input: otherwise its output would have no rows or no columns. The sizes are known at compile time, so NetGen checks them there.");

    public static readonly DiagnosticDescriptor PoolDoesNotTile = Error(
        DiagnosticIds.PoolDoesNotTile,
        "A pooling's windows must cover its whole input",
        "{0} ({1}) would drop the last {2} of its input: {3} gives {4}, and {5}; {6}",
        "A pooling without padding leaves out the rows and columns its last window does not reach ((H − size) not a multiple of the stride), as PyTorch and Keras do silently. NetGen refuses it, so that no input is ignored without a word.");

    public static readonly DiagnosticDescriptor NetworkNameIsReserved = Error(
        DiagnosticIds.NetworkNameIsReserved,
        "A network class cannot be named like a generated member",
        "'{0}' is also the name of a member NetGen generates into the class, and a member cannot have its class's name (CS0542); rename the class",
        "NetGen generates members such as Summary, Loss, Layers, Parameters, Forward and Layer1Weights into the network class; C# forbids a member named like its class.");

    public static readonly DiagnosticDescriptor RepeatGroupNotClosed = Error(
        DiagnosticIds.RepeatGroupNotClosed,
        "A repeated group must be closed",
        "{0} is never closed; add [EndRepeat] after the last layer of the group",
        "[Repeat(count)] starts a group of layers declared count times, up to the next [EndRepeat].");

    public static readonly DiagnosticDescriptor EndRepeatWithoutRepeat = Error(
        DiagnosticIds.EndRepeatWithoutRepeat,
        "[EndRepeat] closes no group",
        "{0} has no open [Repeat] before it to close (a residual block opened after the [Repeat] must be closed first); add [Repeat(count)] before the group's first layer, or remove it",
        "[EndRepeat] closes the group started by the last open [Repeat].");

    public static readonly DiagnosticDescriptor EmptyRepeatGroup = Error(
        DiagnosticIds.EmptyRepeatGroup,
        "A repeated group needs at least one layer",
        "{0} has no layer between [Repeat] and [EndRepeat]; declare the layers to repeat in between, or remove both",
        "A group repeats the layers declared between [Repeat] and [EndRepeat]; an empty group declares nothing.");

    // NG0101, NG0102 and their notes NG0108, NG0109 share their arguments: {0} the first hidden layer, {1} the factor
    // between the two layers' speeds of learning, {2} the last hidden layer, {3} and {4} their gradients per unit relative
    // to the output layer's (the summary's Gradient column), {5} the weight-gradient norms' ratio ("; its weight-gradient
    // norm is ~0.026 times Layer4's", empty where the model cannot tell), {6} what the prediction comes from, {7} what to do.
    private const string SlowerMessage =
        "With SGD, {0}, the first hidden layer, is predicted to learn ~{1}x slower than {2}, the last: its gradient per unit is ~{3} of the output layer's, against ~{4}{5} ({6}). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly small gradient but not the noise in it; {7}";

    private const string FasterMessage =
        "With SGD, {0}, the first hidden layer, is predicted to learn ~{1}x faster than {2}, the last: its gradient per unit is ~{3} of the output layer's, against ~{4}{5} ({6}). Adam or RMSprop divide each weight's step by its gradient's running RMS, which undoes a uniformly large gradient but not its spikes; {7}";

    public static readonly DiagnosticDescriptor VanishingGradient = Warning(
        DiagnosticIds.VanishingGradient,
        "The gradient is predicted to vanish",
        SlowerMessage,
        "A mean-field model of the declared layers predicts that the first hidden layer learns far more slowly than the last (Nielsen's speed of learning, ch. 5): back-propagation shrinks the gradient so much on its way to the first layers that they will barely learn with SGD (the vanishing gradient problem).");

    public static readonly DiagnosticDescriptor ExplodingGradient = Warning(
        DiagnosticIds.ExplodingGradient,
        "The gradient is predicted to explode",
        FasterMessage,
        "A mean-field model of the declared layers predicts that the first hidden layer learns far faster than the last: back-propagation grows the gradient so much on its way to the first layers that a step size that suits the last layers is far too large for the first (the exploding gradient problem).");

    public static readonly DiagnosticDescriptor FirstLayersLearnSlower = Note(
        DiagnosticIds.FirstLayersLearnSlower,
        "The first layers are predicted to learn more slowly",
        SlowerMessage,
        "A mean-field model of the declared layers predicts that the first hidden layer learns several times more slowly than the last: not yet the vanishing gradient of NG0101, but the first sign of it (Nielsen's [784,30,30,30,10], ch. 5).");

    public static readonly DiagnosticDescriptor FirstLayersLearnFaster = Note(
        DiagnosticIds.FirstLayersLearnFaster,
        "The first layers are predicted to learn faster",
        FasterMessage,
        "A mean-field model of the declared layers predicts that the first hidden layer learns several times faster than the last: not yet the exploding gradient of NG0102, but the gradient grows on its way back.");

    public static readonly DiagnosticDescriptor InitializerDoesNotFitActivation = Warning(
        DiagnosticIds.InitializerDoesNotFitActivation,
        "The initializer does not fit the activation",
        "{0}: {1}; {2}",
        "Each activation has initializers that keep the signal's variance steady through the layer: He for the ReLU family, Glorot or LeCun for sigmoid and tanh, LeCun normal for SELU; zero-mean draws for weights.");

    public static readonly DiagnosticDescriptor ShortMemoryHorizon = Warning(
        DiagnosticIds.ShortMemoryHorizon,
        "A recurrent layer's gradient is predicted not to reach the start of its sequence",
        "{0} reaches back about {1} (its e-fold memory horizon) over a sequence of {2} steps: at initialization dLoss/dh at the first step is ~{3} of the last step's, so dependencies longer than a few horizons start with almost no gradient{4}; {5}; {6}",
        "Backpropagation through time multiplies the gradient by one factor per step back (Hochreiter 1991; Bengio et al. 1994): a SimpleRNN by its recurrent weights' gain times the activation's slope, an LSTM by its forget gate, a GRU by its update gate. The predicted ratio of the gradient at the first step to the last, at initialization, is the product of those factors over the declared sequence (GRADIENT-THEORY.md section 5).");

    public static readonly DiagnosticDescriptor ExplodingRecurrence = Warning(
        DiagnosticIds.ExplodingRecurrence,
        "A recurrent layer's gradient is predicted to explode over time",
        "{0}'s gradient grows backward in time: at initialization dLoss/dh at the first step is ~{1} times the last step's over {2} steps; its recurrent weights' largest singular value is ~{3} against the activation's slope bound {4} (Pascanu et al. 2013: explosion needs their product above 1, here {5}); NG0111 fires above {6}; {7}",
        "When the recurrent weights' largest singular value times the bound on the activation's slope exceeds 1, the gradient can grow exponentially with the lag (Pascanu, Mikolov & Bengio 2013); the predicted growth at initialization confirms it does. Clip the gradient by its global norm during training (TrainingOptions.ClipGradientNorm), or start from orthogonal recurrent weights of gain 1.");

    public static readonly DiagnosticDescriptor DeepNarrowReLUStack = Warning(
        DiagnosticIds.DeepNarrowReLUStack,
        "A deep narrow ReLU stack starts far from the mean-field prediction",
        "{0} ReLU-family layers as narrow as {1} units (Σ 1/width = {2}): for an input it is alive at, a typical network's first-layer gradient is ~{3} of the mean-field prediction (Hanin 2018), and the network is dead, a layer all zeros, with probability ~{4}; ~{5} of its hidden ReLU units are dead for a whole batch of {6} (Lu et al. 2019); NG0104 fires for a typical gradient below {7} or a probability of at least {8}; make the layers wider, use fewer of them, or add residual blocks",
        "The mean-field prediction is the mean over infinitely wide layers. With few units per layer, the log of the squared gradient spreads with a variance of about 5·Σ 1/width, so a typical network's gradient is far below the mean, and each ReLU layer of width n is all zeros for an input with probability 2^-n.");

    public static readonly DiagnosticDescriptor BatchNormWithoutSkipConnections = Warning(
        DiagnosticIds.BatchNormWithoutSkipConnections,
        "Batch normalization after every layer of a deep stack without skip connections",
        "{0} dense layers are each followed by [BatchNorm] and there is no residual block: in such a deep fully connected stack the gradients grow exponentially with depth (Yang et al. 2019); wrap the layers in residual blocks",
        "Batch normalization resets the forward variance but, without skip connections, causes gradient explosion in deep fully connected stacks.");

    public static readonly DiagnosticDescriptor ResidualWithoutNormalization = Warning(
        DiagnosticIds.ResidualWithoutNormalization,
        "Residual blocks without normalization",
        "{0} residual blocks have no normalization in their branch: the forward variance is predicted to grow {1}x from the first block's input to the last block's output; add [BatchNorm] or [LayerNorm] at the end of each block's branch",
        "Without normalization or scaled branches, each residual block adds its branch's variance to its input's, so the signal grows with depth (Zhang et al. 2019).");

    public static readonly DiagnosticDescriptor SigmoidOutputWithQuadraticLoss = Warning(
        DiagnosticIds.SigmoidOutputWithQuadraticLoss,
        "A sigmoid output with the quadratic loss learns slowly",
        "The output layer applies {0} and the loss is MeanSquaredError: the error is multiplied by {0}'s derivative (at most {1}), so a saturated output barely learns (Nielsen, ch. 3); use Loss.BinaryCrossEntropy with the Sigmoid output, or Loss.SigmoidCrossEntropy on logits",
        "With a sigmoid output, the cross-entropy loss cancels the sigmoid's derivative; the quadratic loss does not, and learning slows down when the output saturates.");

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) => new(
        id,
        title,
        message,
        "NetGen.GradientHealth",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Note(string id, string title, string message, string description) => new(
        id,
        title,
        message,
        "NetGen.GradientHealth",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: HelpLinkBase + id + ".md");
}
