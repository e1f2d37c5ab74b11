"""Results dashboard for a portfolio of UNDP China projects."""
