import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { REVIEW_STATUS_LABELS, type ReviewSummary } from '../../../../src-shared/api';
import { useApi } from '../../../api/hooks';
import { formatScore } from '../format';
import { dayOf } from '../shared';

/** The person's reviews, newest cycle first, with the status and the final rating of each. */
export function EmployeeReviewsPanel({ employeeId }: { employeeId: string }) {
  const reviews = useApi('reviews.listReviews', { employeeId, limit: 100 });
  const rows = [...(reviews.data?.rows ?? [])].sort((a, b) => b.dueDate.localeCompare(a.dueDate));
  return (
    <div data-testid="employee-reviews">
      <Title order={4} mb="xs">Reviews</Title>
      {reviews.error && <Text c="red" size="sm">{reviews.error.message}</Text>}
      {reviews.data && rows.length === 0 && <Text c="dimmed" size="sm">No review cycle has included this person yet.</Text>}
      {rows.length > 0 && (
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr><Table.Th>Cycle</Table.Th><Table.Th>Status</Table.Th><Table.Th>Due</Table.Th><Table.Th>Completed</Table.Th><Table.Th>Rating</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows.map((review) => <ReviewRow key={review.id} review={review} />)}</Table.Tbody>
        </Table>
      )}
    </div>
  );
}

function ReviewRow({ review }: { review: ReviewSummary }) {
  return (
    <Table.Tr>
      <Table.Td><Anchor component={Link} to={`/reviews/review/${review.id}`}>{review.cycleName}</Anchor></Table.Td>
      <Table.Td>
        <Badge variant="light" color={review.status === 'complete' ? 'teal' : review.overdue ? 'red' : 'gray'}>{REVIEW_STATUS_LABELS[review.status]}</Badge>
        {review.overdue && <Text span size="xs" c="red" ml={6}>overdue</Text>}
      </Table.Td>
      <Table.Td>{review.dueDate}</Table.Td>
      <Table.Td>{dayOf(review.completedAt) || '—'}</Table.Td>
      <Table.Td>{review.finalRating === null ? '—' : `${formatScore(review.finalRating)}${review.finalLabel ? ` · ${review.finalLabel}` : ''}`}{review.overrideRating !== null && <Text span size="xs" c="dimmed"> (override)</Text>}</Table.Td>
    </Table.Tr>
  );
}
