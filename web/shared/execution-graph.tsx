/**
 * The workflow graph of one execution, drawn with React Flow, each node showing its live state.
 *
 * Usage (the viewer, web/viewer; the MCP App):
 *
 *   import { ExecutionGraph } from '../shared/execution-graph.js';
 *   import { statesFromDetail, applyNodeEvent } from '../shared/node-state.js';
 *
 *   <ExecutionGraph graph={{ nodes, edges }} states={statesFromDetail(detail.nodes)} />
 *
 * `graph` is React Flow JSON as the API stores it (`GET /workflows/{id}/versions/{v}`): nodes at
 * their stored positions (laid out by depth when positions are missing or stacked), edges joined
 * node to node. `states` maps node ids to their state: build it with `statesFromDetail`,
 * `statesFromPoll` (poll_execution) or fold SSE events in with `applyNodeEvent`. A node without a
 * state is PENDING. Each node element carries `data-node-id` and `data-status`.
 * The parent must give the graph a height (the `height` prop, default 100%).
 * Styles: importing this file imports React Flow's stylesheet and ./execution-graph.css.
 */
import { Background, Controls, type Edge, ReactFlow, useNodesState } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import './execution-graph.css';
import { GraphNode, type GraphNodeType } from './graph-node.js';
import { portOf, positionsOf, type WorkflowGraph } from './graph-layout.js';
import type { NodeState, NodeStates } from './node-state.js';

export type { WorkflowEdge, WorkflowGraph, WorkflowNode } from './graph-layout.js';

export interface ExecutionGraphProps {
  graph: WorkflowGraph;
  states: NodeStates;
  /**
   * Which output URLs may load inline as image, video or audio; the others show as links. Pass
   * the page's Content-Security-Policy rule (the viewer: its own origin and signed artifact URLs),
   * so no preview is blocked. Default: every http(s) URL.
   */
  canPreview?: (url: string) => boolean;
  /** CSS height of the drawing. Default '100%'. */
  height?: number | string;
}

const NODE_TYPES = { pipewright: GraphNode };
const PENDING: NodeState = { status: 'PENDING' };
const ANY_URL = () => true;
const NOTHING_WIRED: ReadonlyMap<string, string> = new Map();

/** Per node, per input port, the name of the upstream port wired into it. */
function wiredFrom(graph: WorkflowGraph): Map<string, Map<string, string>> {
  const wired = new Map<string, Map<string, string>>();
  for (const edge of graph.edges) {
    const [into, from] = [portOf(edge.targetHandle), portOf(edge.sourceHandle)];
    if (into === undefined || from === undefined) continue;
    if (!wired.has(edge.target)) wired.set(edge.target, new Map());
    wired.get(edge.target)!.set(into, from);
  }
  return wired;
}

export function ExecutionGraph({ graph, states, canPreview = ANY_URL, height = '100%' }: ExecutionGraphProps) {
  const positions = useMemo(() => positionsOf(graph), [graph]);
  const wired = useMemo(() => wiredFrom(graph), [graph]);
  const drawn = useMemo<GraphNodeType[]>(
    () =>
      graph.nodes.map((node) => {
        const state = states[node.id] ?? PENDING;
        return {
          id: node.id,
          type: 'pipewright',
          position: positions.get(node.id) ?? { x: 0, y: 0 },
          draggable: false,
          data: {
            nodeId: node.id,
            label: node.data?.label ?? state.label ?? node.id,
            nodeType: node.data?.nodeType ?? state.nodeType ?? '',
            state,
            canPreview,
            wiredFrom: wired.get(node.id) ?? NOTHING_WIRED,
          },
        };
      }),
    [graph, states, positions, wired, canPreview],
  );
  // React Flow keeps each node's measured size on the node object: a node passed anew without it
  // stays hidden until its size changes. So nodes live in React Flow's state, and each update
  // keeps the size React Flow measured.
  const [nodes, setNodes, onNodesChange] = useNodesState(drawn);
  useEffect(() => {
    setNodes((before) => {
      const measured = new Map(before.map((node) => [node.id, node.measured]));
      return drawn.map((node) => ({ ...node, measured: measured.get(node.id) }));
    });
  }, [drawn, setNodes]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((edge) => ({
        // Each node has one handle a side: the ports are named on the edge instead.
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: portOf(edge.targetHandle),
        className: 'pw-edge',
        animated: states[edge.target]?.status === 'RUNNING',
      })),
    [graph, states],
  );
  return (
    <div className="pw-graph" style={{ height }}>
      <ReactFlow
        nodes={nodes}
        onNodesChange={onNodesChange}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
