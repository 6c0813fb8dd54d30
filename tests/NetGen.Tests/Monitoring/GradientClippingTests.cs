namespace NetGen.Tests.Monitoring;

public class GradientClippingTests
{
    [Fact]
    public void Clip_by_value_clamps_each_element()
    {
        double[] gradients = [-3, -0.5, 0, 0.25, 2, double.NaN];
        GradientClipping.ClipByValue<double>(gradients, 1);
        Assert.Equal([-1, -0.5, 0, 0.25, 1], gradients[..5]);
        Assert.True(double.IsNaN(gradients[5]));
    }

    [Fact]
    public void Clip_by_global_norm_scales_3_4_down_to_norm_1_and_returns_5()
    {
        float[] gradients = [3, 0, -4];
        double norm = GradientClipping.ClipByGlobalNorm<float>(gradients, 1);
        Assert.Equal(5, norm, 6);
        // 3 / 5 and −4 / 5: scaled as PyTorch by 1 / (5 + 1e-6), then by 1 − 4 units of float rounding.
        Assert.Equal(0.6, gradients[0], 1e-6);
        Assert.Equal(0, gradients[1]);
        Assert.Equal(-0.8, gradients[2], 1e-6);
        double after = Math.Sqrt(gradients.Sum(g => (double)g * g));
        Assert.True(after <= 1, $"norm after clipping {after:R}");
    }

    [Fact]
    public void Clip_by_global_norm_leaves_a_smaller_gradient_alone()
    {
        double[] gradients = [0.3, -0.4];
        double norm = GradientClipping.ClipByGlobalNorm<double>(gradients, 1);
        Assert.Equal(0.5, norm, 12);
        Assert.Equal([0.3, -0.4], gradients);
    }

    [Fact]
    public void Clip_by_global_norm_spans_all_elements_and_never_leaves_the_norm_above_the_limit()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 50; trial++)
        {
            float[] gradients = [.. Enumerable.Range(0, 1000 + trial).Select(_ => (float)(random.NextDouble() * 2 - 1) * 10)];
            double expected = Math.Sqrt(gradients.Sum(g => (double)g * g));
            double limit = 0.5 + trial;
            double norm = GradientClipping.ClipByGlobalNorm<float>(gradients, limit);
            Assert.Equal(expected, norm, expected * 1e-12);
            double after = Math.Sqrt(gradients.Sum(g => (double)g * g));
            Assert.True(after <= limit, $"norm after clipping {after:R} > {limit}");
            Assert.True(after > limit * (1 - 1e-5), $"norm after clipping {after:R}, limit {limit}");
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Clip_by_global_norm_leaves_a_non_finite_gradient_unchanged_and_returns_its_norm(double bad)
    {
        double[] gradients = [1, bad, 2];
        double norm = GradientClipping.ClipByGlobalNorm<double>(gradients, 1);
        Assert.False(double.IsFinite(norm));
        Assert.Equal(1, gradients[0]);
        Assert.Equal(2, gradients[2]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Limits_that_are_not_positive_and_finite_throw_naming_the_value(double limit)
    {
        var byValue = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue<double>(new double[2], limit));
        Assert.Equal("maxValue", byValue.ParamName);
        Assert.Equal(limit, byValue.ActualValue);
        var byNorm = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm<double>(new double[2], limit));
        Assert.Equal("maxNorm", byNorm.ParamName);
        var value = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { ClipGradientValue = limit });
        Assert.Equal(nameof(TrainingOptions.ClipGradientValue), value.ParamName);
        Assert.Equal(limit, value.ActualValue);
        var norm = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { ClipGradientNorm = limit });
        Assert.Equal(nameof(TrainingOptions.ClipGradientNorm), norm.ParamName);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), norm.Message);
    }
}
