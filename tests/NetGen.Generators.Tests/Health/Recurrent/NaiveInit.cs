namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>The initializers the measured cases use, drawn with a seeded <see cref="Random"/>.</summary>
internal static class NaiveInit
{
    public static double[,] Uniform(Random random, int rows, int cols, double bound)
    {
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                m[r, c] = bound * (2 * random.NextDouble() - 1);
            }
        }
        return m;
    }

    public static double[] Uniform(Random random, int length, double bound)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++)
        {
            v[i] = bound * (2 * random.NextDouble() - 1);
        }
        return v;
    }

    public static double[,] Normal(Random random, int rows, int cols, double sd)
    {
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                m[r, c] = sd * Gaussian(random);
            }
        }
        return m;
    }

    /// <summary>Glorot uniform for a kernel with fan-in <paramref name="fanIn"/> and fan-out <paramref name="fanOut"/>, stored rows × cols.</summary>
    public static double[,] Glorot(Random random, int rows, int cols, int fanIn, int fanOut) =>
        Uniform(random, rows, cols, Math.Sqrt(6.0 / (fanIn + fanOut)));

    /// <summary>A (rows × cols) matrix, rows ≥ cols, with orthonormal columns times <paramref name="gain"/> (Gram–Schmidt on a Gaussian matrix).</summary>
    public static double[,] OrthonormalColumns(Random random, int rows, int cols, double gain)
    {
        double[,] m = Normal(random, rows, cols, 1);
        for (int c = 0; c < cols; c++)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < c; p++)
                {
                    double dot = 0;
                    for (int r = 0; r < rows; r++)
                    {
                        dot += m[r, c] * m[r, p];
                    }
                    for (int r = 0; r < rows; r++)
                    {
                        m[r, c] -= dot * m[r, p];
                    }
                }
            }
            double norm = 0;
            for (int r = 0; r < rows; r++)
            {
                norm += m[r, c] * m[r, c];
            }
            norm = Math.Sqrt(norm);
            for (int r = 0; r < rows; r++)
            {
                m[r, c] /= norm;
            }
        }
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                m[r, c] *= gain;
            }
        }
        return m;
    }

    public static double[,] Identity(int size, double gain)
    {
        var m = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            m[i, i] = gain;
        }
        return m;
    }

    public static double Gaussian(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
