using System.Runtime.CompilerServices;

namespace NetGen.Tests.Networks;

public class AlignedBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(269_322)]
    public void Float_buffers_start_on_a_cache_line_and_hold_zeros(int length)
    {
        for (int i = 0; i < 8; i++) // allocations land at different offsets: several of them
        {
            var buffer = new AlignedBuffer<float>(length);
            Assert.Equal(0, AddressOf(buffer.Span) % 64);
            Assert.Equal(length, buffer.Span.Length);
            Assert.All(buffer.Span.ToArray(), value => Assert.Equal(0f, value));
        }
    }

    [Fact]
    public void Double_buffers_start_on_a_cache_line()
    {
        Assert.Equal(0, AddressOf(new AlignedBuffer<double>(100).Span) % 64);
    }

    [Fact]
    public void A_generated_network_keeps_its_parameters_and_gradients_aligned()
    {
        var network = new SmallDigits(maxBatchSize: 1, seed: 1);
        Assert.Equal(0, AddressOf(network.Parameters) % 64);
        Assert.Equal(0, AddressOf(network.Gradients) % 64);
    }

    [Fact]
    public void Slices_and_the_indexer_stay_within_the_buffer()
    {
        var buffer = new AlignedBuffer<float>(10);
        buffer[9] = 3;
        Assert.Equal(3f, buffer.Slice(9, 1)[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(8, 3));
        var error = Assert.Throws<IndexOutOfRangeException>(() => buffer[10] = 1);
        Assert.Contains("10 values", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedBuffer<float>(-1));
    }

    private static long AddressOf<T>(Span<T> span) where T : unmanaged =>
        Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref span[0]).ToInt64();
}
