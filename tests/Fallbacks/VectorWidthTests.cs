using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Tests.Fallbacks;

/// <summary>
/// That this process runs the fallback it is meant to: the .runsettings variable reached the runtime. Without it, every
/// other test here would take the AVX-512 paths again and prove nothing new.
/// </summary>
public class VectorWidthTests
{
    [WidthFact]
    public void The_jit_uses_the_vector_width_this_project_tests()
    {
        Assert.False(Vector512.IsHardwareAccelerated, "AVX-512 is in use: the .runsettings variable (DOTNET_EnableAVX512=0 or DOTNET_EnableAVX2=0) did not reach the test process");
#if VECTOR128
        Assert.False(Vector256.IsHardwareAccelerated, "256-bit vectors are in use: DOTNET_EnableAVX2=0 did not reach the test process");
        Assert.True(Vector128.IsHardwareAccelerated);
        Assert.Equal(16, Vector<byte>.Count);
#else
        Assert.True(Vector256.IsHardwareAccelerated);
        Assert.Equal(32, Vector<byte>.Count);
#endif
    }

    /// <summary>Skipped on a processor without AVX2 (an ARM64 machine, say): it cannot run the 256-bit paths at all.</summary>
    private sealed class WidthFactAttribute : FactAttribute
    {
        public WidthFactAttribute()
        {
#if !VECTOR128
            if (!Avx2.IsSupported)
            {
                Skip = "This processor has no AVX2: the 256-bit paths cannot run here (NetGen.Tests.Vector128 covers its width).";
            }
#endif
        }
    }
}
