// Model model_384108d9 of AutoTrainer's model set, as DeepDiagnosis' artifact gives it (AUTOTRAINER Model
// Code/Models_Blob.py): 8 ReLU layers of 5 units, RandomUniform; inputs: make_blobs(centers = 3, cluster_std = 2), not
// rescaled; E[x²] ≈ 37 is the expectation over make_blobs' center box (-10, 10) plus the clusters' variance, not the
// exact centers of random_state = 2. Three sigmoid outputs trained with categorical cross-entropy in Keras; declared
// with BinaryCrossEntropy (NetGen has no categorical cross-entropy on sigmoid outputs). Keras's VarianceScaling(2,
// fan_in, uniform) is HeUniform, RandomUniform() is U(-0.05, 0.05).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 2, InputMeanSquare = 37, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.Uniform, Repeat = 8)]
[Dense(3, Activation.Sigmoid, Init = Init.HeUniform)]
public partial class AutoTrainerBlobReLUUniform8;
