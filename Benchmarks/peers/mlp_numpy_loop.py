"""The CIFAR-10 MLP benchmark as a hand-written NumPy float32 loop (forward, backward, SGD momentum 0.9,
batch 128, 50,000 random rows), the "NumPy loop" of the shared baselines.   VENV/bin/python Benchmarks/peers/mlp_numpy_loop.py"""
import numpy as np, time, os
rng=np.random.default_rng(0)
N=50000; X=rng.standard_normal((N,3072),dtype=np.float32); y=rng.integers(0,10,N)
W1=(rng.standard_normal((3072,256))*np.sqrt(2/3072)).astype(np.float32); b1=np.zeros(256,np.float32)
W2=(rng.standard_normal((256,256))*np.sqrt(2/256)).astype(np.float32); b2=np.zeros(256,np.float32)
W3=(rng.standard_normal((256,10))*np.sqrt(2/256)).astype(np.float32); b3=np.zeros(10,np.float32)
P=[W1,b1,W2,b2,W3,b3]; V=[np.zeros_like(p) for p in P]
B=128
for ep in range(3):
  t=time.time(); perm=rng.permutation(N)
  for s in range(0,N,B):
    idx=perm[s:s+B]; xb=X[idx]; yb=y[idx]; n=len(idx)
    h1=xb@W1+b1; a1=np.maximum(h1,0); h2=a1@W2+b2; a2=np.maximum(h2,0); o=a2@W3+b3
    o-=o.max(1,keepdims=True); e=np.exp(o); p=e/e.sum(1,keepdims=True)
    p[np.arange(n),yb]-=1; g3=p/n
    G=[None]*6
    G[4]=a2.T@g3; G[5]=g3.sum(0); d2=g3@W3.T; d2*=(h2>0)
    G[2]=a1.T@d2; G[3]=d2.sum(0); d1=d2@W2.T; d1*=(h1>0)
    G[0]=xb.T@d1; G[1]=d1.sum(0)
    for i in range(6):
      V[i]*=0.9; V[i]+=G[i]; P[i]-=0.01*V[i]
  dt=time.time()-t; print(ep, dt, N/dt)
